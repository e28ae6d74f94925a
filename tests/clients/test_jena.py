"""Apache Jena's command-line tools (Debian's libapache-jena-java): rsparql against the
endpoint in every results format, riot parsing every dump, and Jena's SHACL validator."""

import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import example_queries

JAVA_DIR = Path("/usr/share/java")


@pytest.fixture(scope="session")
def jena(tmp_path_factory):
    core = JAVA_DIR / "jena-core.jar"
    if not core.exists() or not shutil.which("java"):
        if os.environ.get("SUNAN_KG_REQUIRE_JENA"):
            pytest.fail("Apache Jena (libapache-jena-java) and java are required")
        pytest.skip("Apache Jena is not installed (apt-get install libapache-jena-java)")
    # Debian relocates Jena's bundled Xerces to the package `xerces` but leaves its message
    # files under org/apache/jena/ext/xerces, and Xerces fails to start without them: put a
    # copy where it looks.
    fix = tmp_path_factory.mktemp("jena-xerces")
    with zipfile.ZipFile(core) as jar:
        for name in jar.namelist():
            if name.startswith("org/apache/jena/ext/xerces/") and name.endswith(".properties"):
                target = fix / "xerces" / name[len("org/apache/jena/ext/xerces/"):]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(jar.read(name))
    listing = subprocess.run(["dpkg", "-L", "libapache-jena-java"], capture_output=True, text=True).stdout.split()
    depends = subprocess.run(["apt-cache", "depends", "libapache-jena-java"], capture_output=True, text=True).stdout.split("\n")
    for line in depends:
        if line.strip().startswith("Depends:"):
            listing += subprocess.run(["dpkg", "-L", line.split()[-1]], capture_output=True, text=True).stdout.split()
    # One SLF4J binding only, and no unversioned duplicates.
    skip = ("slf4j-log4j12", "slf4j-jcl", "slf4j-jdk14", "slf4j-simple", "slf4j-migrator", "log4j-over", "jcl-over", "jul-to")
    versioned = re.compile(r"-[0-9][0-9.]*(-jre)?\.jar$")
    jars = sorted(
        {
            p
            for p in listing
            if p.startswith(str(JAVA_DIR)) and p.endswith(".jar") and not versioned.search(p)
            and not any(s in p for s in skip)
        }
    )
    classpath = ":".join([str(fix)] + jars)

    def run(main, *args):
        result = subprocess.run(["java", "-cp", classpath, main, *args], capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr
        # riot reports counts on standard error.
        return result.stdout + result.stderr

    return run


@pytest.mark.parametrize("path", example_queries(), ids=lambda p: p.name)
def test_rsparql_in_every_results_format(server, jena, path):
    as_json = json.loads(jena("arq.rsparql", "--service", server + "/sparql", "--query", str(path), "--results", "JSON"))
    count = len(as_json["results"]["bindings"])
    assert count > 0
    as_xml = jena("arq.rsparql", "--service", server + "/sparql", "--query", str(path), "--results", "XML")
    assert as_xml.count("<result>") == count
    as_csv = jena("arq.rsparql", "--service", server + "/sparql", "--query", str(path), "--results", "CSV")
    assert as_csv.startswith(",".join(as_json["head"]["vars"]))
    as_tsv = jena("arq.rsparql", "--service", server + "/sparql", "--query", str(path), "--results", "TSV")
    assert as_tsv.splitlines()[0] == "\t".join("?" + v for v in as_json["head"]["vars"])


def test_riot_parses_every_dump_to_the_same_count(jena, dumps):
    counts = {}
    # Not the JSON-LD dump: Debian's Jena 4.5 fails on it without a message (rdflib and
    # oxigraph read it; see test_rdflib.py).
    for name in ["sunan-kg.ttl", "sunan-kg.nt", "sunan-kg.trig", "sunan-kg.nq"]:
        out = jena("riotcmd.riot", "--count", str(dumps[name]))
        found = re.search(r"(?:Triples|Quads) = ([0-9,]+)", out)
        assert found, out
        counts[name] = int(found.group(1).replace(",", ""))
    assert len(set(counts.values())) == 1 and counts["sunan-kg.nt"] > 30000, counts


def test_jena_shacl_validates_the_dump(jena, dumps):
    report = jena("shacl.shacl", "validate", "--shapes", str(dumps["shapes.ttl"]), "--data", str(dumps["sunan-kg.nt"]))
    assert "sh:conforms  true" in report, report
