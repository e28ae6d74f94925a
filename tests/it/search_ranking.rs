//! Type-ahead: for each input a user types, the entity they mean comes first.

use crate::common::dataset;

/// (what the user types, the id that must come first).
const RANKED: &[(&str, &str)] = &[
    ("苏科贷", "sukedai"),
    ("蘇科貸", "sukedai"),
    ("sukedai", "sukedai"),
    ("Sū Kē Dài", "sukedai"),
    ("su ke dai", "sukedai"),
    // Initials of the name, and of an alias (科教城 is an alias of 常州科教城).
    ("skd", "sukedai"),
    ("kjc", "changzhou-kejiaocheng"),
    ("科教城", "changzhou-kejiaocheng"),
    ("kejiaocheng", "changzhou-kejiaocheng"),
    // Whitespace between words is ignored.
    ("常州 科教", "changzhou-kejiaocheng"),
    ("常州科教城", "changzhou-kejiaocheng"),
    ("常州", "changzhou"),
    ("changzhou", "changzhou"),
    ("cz", "changzhou"),
    ("zyczcxy", "zhongyi-changzhou-chuangxinyuan"),
    ("中以常州", "zhongyi-changzhou-chuangxinyuan"),
    ("以色列", "yiselie"),
    ("israel", "yiselie"),
    ("江阴", "jiangyin"),
    ("江陰", "jiangyin"),
    ("镇江", "zhenjiang"),
    ("南京", "nanjing"),
    ("无锡", "wuxi"),
    ("苏州", "suzhou"),
    ("江苏", "jiangsu"),
    ("jiangsu", "jiangsu"),
    ("钟楼", "changzhou-zhonglou-qu"),
    ("新材料", "xincailiao"),
    ("生物医药", "shengwu-yiyao"),
    ("光伏", "guangfu"),
    ("人工智能", "rengong-zhineng"),
    ("科技服务业", "keji-fuwuye"),
    ("苏州工业园区", "suzhou-gongye-yuanqu"),
    ("suzhou industrial park", "suzhou-gongye-yuanqu"),
    ("常州市科技局", "changzhou-shi-kejiju"),
    ("苏南自创区", "sunan-guojia-zizhu-chuangxin-shifanqu"),
    ("shdqlzx", "suzhou-sihe-duoqu-liangzhongxin"),
    // A named thing above a target whose indicator starts with the same words.
    ("dengling", "wuxi-dengling-qiye"),
];

#[test]
fn the_entity_meant_comes_first() {
    let data = dataset();
    let mut wrong = Vec::new();
    for &(input, expected) in RANKED {
        let hits = data.search.search(input, 5);
        let first = hits
            .first()
            .map(|h| data.model.entities[h.entity].id.as_str());
        if first != Some(expected) {
            wrong.push(format!("{input:?}: expected {expected}, got {first:?}"));
        }
    }
    assert!(RANKED.len() >= 30);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_rare_reading_of_a_heteronym_does_not_answer_common_initials() {
    // 核 reads hé in 四核多区两中心; its rare reading kài made `skd` find it.
    let data = dataset();
    let hits = data.search.search("skd", 20);
    let ids: Vec<&str> = hits
        .iter()
        .map(|h| data.model.entities[h.entity].id.as_str())
        .collect();
    assert!(!ids.contains(&"suzhou-sihe-duoqu-liangzhongxin"), "{ids:?}");
}

#[test]
fn sections_and_tasks_come_after_named_things() {
    let data = dataset();
    let hits = data.search.search("科技", 50);
    let tiers: Vec<bool> = hits
        .iter()
        .map(|h| {
            !data.model.is_named(h.entity) && data.model.document_of(h.entity) != Some(h.entity)
        })
        .collect();
    let first_part = tiers.iter().position(|&part| part).unwrap_or(tiers.len());
    assert!(tiers[first_part..].iter().all(|&part| part), "{tiers:?}");
}

/// Inputs of every kind: Chinese in either script, pinyin, initials, English, one letter or
/// character (whose hits run into the thousands of names), and text nothing matches.
const PROBES: &[&str] = &[
    "科",
    "园",
    "k",
    "zh",
    "su",
    "科技",
    "常州",
    "蘇",
    "苏科",
    "kej",
    "changzhou",
    "Park",
    "新材料产业",
    "江陰",
    "无此名称",
];

fn summary(data: &sunan_kg::Dataset, hits: &[sunan_kg::search::SearchHit]) -> Vec<String> {
    hits.iter()
        .map(|h| {
            format!(
                "{} {} {:?} {:?}",
                data.model.entities[h.entity].id, h.matched, h.name_kind, h.quality
            )
        })
        .collect()
}

#[test]
fn a_short_page_is_the_start_of_the_long_one() {
    // The index stops reading once it has the hits asked for; that must not change them.
    let data = dataset();
    for &input in PROBES.iter().chain(RANKED.iter().map(|(input, _)| input)) {
        let all = data.search.search(input, usize::MAX);
        for limit in [1, 5, 20] {
            let page = data.search.search(input, limit);
            let expected = &all[..all.len().min(limit)];
            assert_eq!(
                summary(&data, &page),
                summary(&data, expected),
                "{input:?}, {limit}"
            );
        }
    }
}

#[test]
fn a_filtered_search_is_the_long_one_filtered() {
    let data = dataset();
    let is_park = |i: usize| data.model.entities[i].kind == "Park";
    for &input in PROBES {
        let filtered: Vec<_> = data
            .search
            .search(input, usize::MAX)
            .into_iter()
            .filter(|h| is_park(h.entity))
            .take(5)
            .collect();
        let page = data.search.search_where(input, 5, is_park);
        assert_eq!(
            summary(&data, &page),
            summary(&data, &filtered),
            "{input:?}"
        );
    }
}

#[test]
fn each_entity_once_with_the_name_it_matched_as_typed() {
    let data = dataset();
    for &input in PROBES {
        let hits = data.search.search(input, usize::MAX);
        let mut entities: Vec<usize> = hits.iter().map(|h| h.entity).collect();
        entities.sort_unstable();
        entities.dedup();
        assert_eq!(
            entities.len(),
            hits.len(),
            "{input:?} lists an entity twice"
        );
    }
    let hits = data.search.search("蘇科貸", 1);
    assert_eq!(hits[0].matched, "蘇科貸", "the traditional name typed");
    let hits = data.search.search("科", usize::MAX);
    assert!(
        hits.len() > 150,
        "{} entities have 科 in a name",
        hits.len()
    );
}
