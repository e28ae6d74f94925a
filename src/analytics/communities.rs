//! Communities by the Louvain method (Blondel et al., 2008), made deterministic: nodes are
//! visited in index order and a node moves only for a strictly better gain, so the same
//! network always gives the same partition. rustworkx-core has no community detection and no
//! maintained crate offers it without a large dependency tree, hence this short version.

/// A partition of the nodes and its modularity.
#[derive(Debug, Clone, PartialEq)]
pub struct Partition {
    /// Per node, its community, numbered from 0 in order of each community's first node.
    pub communities: Vec<usize>,
    /// Weighted modularity at resolution 1 (networkx `community.modularity`); 0 without edges.
    pub modularity: f64,
}

/// The Louvain partition of an undirected network of `nodes` nodes with weighted `edges`.
pub fn louvain(nodes: usize, edges: &[(usize, usize, f64)]) -> Partition {
    let total: f64 = edges.iter().map(|e| e.2).sum();
    // Each original node's community, refined level by level.
    let mut membership: Vec<usize> = (0..nodes).collect();
    let mut level = Level::new(nodes, edges);
    if total > 0.0 {
        loop {
            let communities = level.local_moves(2.0 * total);
            let (count, renumbered) = renumber(&communities);
            if count == level.size() {
                break;
            }
            // The node of the next level that each node of this level becomes.
            let next: Vec<usize> = communities.iter().map(|&c| renumbered[c]).collect();
            for node in &mut membership {
                *node = next[*node];
            }
            level = level.aggregate(&next, count);
        }
    }
    let (_, renumbered) = renumber(&membership);
    let communities: Vec<usize> = membership.iter().map(|&c| renumbered[c]).collect();
    let modularity = modularity(&communities, edges, total);
    Partition {
        communities,
        modularity,
    }
}

/// Newman's weighted modularity of a partition.
pub fn modularity(communities: &[usize], edges: &[(usize, usize, f64)], total: f64) -> f64 {
    if total <= 0.0 {
        return 0.0;
    }
    let count = communities.iter().map(|c| c + 1).max().unwrap_or(0);
    let mut inside = vec![0.0; count];
    let mut degree = vec![0.0; count];
    for &(a, b, w) in edges {
        if communities[a] == communities[b] {
            inside[communities[a]] += w;
        }
        degree[communities[a]] += w;
        degree[communities[b]] += w;
    }
    (0..count)
        .map(|c| inside[c] / total - (degree[c] / (2.0 * total)).powi(2))
        .sum()
}

/// One level of the method: a weighted network whose nodes are the previous level's
/// communities, with each community's inner weight as a self-loop.
struct Level {
    neighbours: Vec<Vec<(usize, f64)>>,
    self_loops: Vec<f64>,
}

impl Level {
    fn new(nodes: usize, edges: &[(usize, usize, f64)]) -> Self {
        let mut level = Self {
            neighbours: vec![Vec::new(); nodes],
            self_loops: vec![0.0; nodes],
        };
        for &(a, b, w) in edges {
            level.connect(a, b, w);
        }
        level
    }

    fn size(&self) -> usize {
        self.neighbours.len()
    }

    fn connect(&mut self, a: usize, b: usize, w: f64) {
        if a == b {
            self.self_loops[a] += w;
            return;
        }
        for (from, to) in [(a, b), (b, a)] {
            match self.neighbours[from].iter_mut().find(|(n, _)| *n == to) {
                Some((_, weight)) => *weight += w,
                None => self.neighbours[from].push((to, w)),
            }
        }
    }

    fn degree(&self, node: usize) -> f64 {
        2.0 * self.self_loops[node] + self.neighbours[node].iter().map(|n| n.1).sum::<f64>()
    }

    /// Moves nodes between communities while any move raises modularity; returns each
    /// node's community.
    fn local_moves(&self, twice_total: f64) -> Vec<usize> {
        let size = self.size();
        let degree: Vec<f64> = (0..size).map(|n| self.degree(n)).collect();
        let mut community: Vec<usize> = (0..size).collect();
        let mut community_degree = degree.clone();
        let mut moved = true;
        while moved {
            moved = false;
            for node in 0..size {
                let current = community[node];
                community_degree[current] -= degree[node];
                let mut weight_to: Vec<(usize, f64)> = Vec::new();
                for &(neighbour, w) in &self.neighbours[node] {
                    let c = community[neighbour];
                    match weight_to.iter_mut().find(|(known, _)| *known == c) {
                        Some((_, total)) => *total += w,
                        None => weight_to.push((c, w)),
                    }
                }
                weight_to.sort_by_key(|&(c, _)| c);
                let gain = |c: usize, w: f64| w - community_degree[c] * degree[node] / twice_total;
                let stay = weight_to
                    .iter()
                    .find(|(c, _)| *c == current)
                    .map_or(0.0, |&(_, w)| w);
                let mut best = (current, gain(current, stay));
                for &(c, w) in &weight_to {
                    let g = gain(c, w);
                    if g > best.1 + 1e-12 {
                        best = (c, g);
                    }
                }
                community_degree[best.0] += degree[node];
                if best.0 != current {
                    community[node] = best.0;
                    moved = true;
                }
            }
        }
        community
    }

    /// The next level, of `count` nodes: node `n` of this level becomes node `next[n]`.
    fn aggregate(&self, next: &[usize], count: usize) -> Self {
        let mut level = Self {
            neighbours: vec![Vec::new(); count],
            self_loops: vec![0.0; count],
        };
        for node in 0..self.size() {
            level.self_loops[next[node]] += self.self_loops[node];
            for &(neighbour, w) in &self.neighbours[node] {
                // Each edge appears at both ends; add it once.
                if node < neighbour {
                    level.connect(next[node], next[neighbour], w);
                }
            }
        }
        level
    }
}

/// Renumbers labels 0, 1, … in order of first appearance: (number of labels, new label of
/// each old label, indexed by old label).
fn renumber(labels: &[usize]) -> (usize, Vec<usize>) {
    let mut mapping = vec![usize::MAX; labels.iter().map(|l| l + 1).max().unwrap_or(0)];
    let mut count = 0;
    for &label in labels {
        if mapping[label] == usize::MAX {
            mapping[label] = count;
            count += 1;
        }
    }
    (count, mapping)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_triangles_joined_by_one_edge_are_two_communities() {
        let edges = [
            (0, 1, 1.0),
            (1, 2, 1.0),
            (0, 2, 1.0),
            (3, 4, 1.0),
            (4, 5, 1.0),
            (3, 5, 1.0),
            (2, 3, 1.0),
        ];
        let partition = louvain(6, &edges);
        assert_eq!(partition.communities, vec![0, 0, 0, 1, 1, 1]);
        // networkx: modularity(G, [{0, 1, 2}, {3, 4, 5}]) = 5/14.
        assert!((partition.modularity - 5.0 / 14.0).abs() < 1e-12);
    }

    #[test]
    fn isolated_nodes_are_their_own_communities() {
        let partition = louvain(3, &[]);
        assert_eq!(partition.communities, vec![0, 1, 2]);
        assert_eq!(partition.modularity, 0.0);
    }
}
