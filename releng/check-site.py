#!/usr/bin/python3
"""Checks the p2 site the offline Tycho build made (CI runs it after `mvn -f releng/pom.xml verify`).

Usage: releng/check-site.py [REPOSITORY]  (default releng/offline-site/target/repository)

What a user's KNIME would trip over is checked on the built artefacts, not on the sources: the
feature names the bundle and one native fragment per platform; each bundle's Bundle-ClassPath entries
are inside its jar; every class plugin.xml names is in the bundle; the shipped models are there; the
p2 metadata lists the feature in a category. Exits 1 naming every problem found.
"""
import lzma
import re
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

repo = Path(sys.argv[1] if len(sys.argv) > 1 else "releng/offline-site/target/repository")
problems = []
NATIVES = {"org.mrisr.native.linux.x86_64": "linux", "org.mrisr.native.windows.x86_64": "win32",
           "org.mrisr.native.macosx.x86_64": "macosx"}


def manifest(z):
    text = z.read("META-INF/MANIFEST.MF").decode("utf-8").replace("\r\n", "\n").replace("\n ", "")
    return dict(line.split(": ", 1) for line in text.splitlines() if ": " in line)


def one(folder, prefix):
    found = sorted((repo / folder).glob(prefix + "_*.jar"))
    if len(found) != 1:
        problems.append(f"{folder}/{prefix}_*.jar: expected one, found {len(found)}")
        return None
    return found[0]


def check_classpath(jar, z, mf):
    names = set(z.namelist())
    for entry in [e.strip() for e in mf.get("Bundle-ClassPath", ".").split(",")]:
        if entry != "." and entry not in names:
            problems.append(f"{jar.name}: Bundle-ClassPath entry {entry} is not in the jar")


feature = one("features", "org.mrisr.feature")
if feature:
    with zipfile.ZipFile(feature) as z:
        plugins = {p.get("id"): p for p in ET.fromstring(z.read("feature.xml")).iter("plugin")}
    for pid in ["org.mrisr", *NATIVES]:
        if pid not in plugins:
            problems.append(f"{feature.name}: feature.xml does not include {pid}")
    for pid, os_name in NATIVES.items():
        if pid in plugins and plugins[pid].get("os") != os_name:
            problems.append(f"{feature.name}: {pid} is not limited to os={os_name}")

bundle = one("plugins", "org.mrisr")
if bundle:
    with zipfile.ZipFile(bundle) as z:
        mf = manifest(z)
        if not mf.get("Bundle-SymbolicName", "").startswith("org.mrisr;"):
            problems.append(f"{bundle.name}: Bundle-SymbolicName is {mf.get('Bundle-SymbolicName')}")
        check_classpath(bundle, z, mf)
        names = set(z.namelist())
        plugin_xml = z.read("plugin.xml").decode("utf-8")
        classes = set(re.findall(r'(?:class|factory-class|objectClass|serializer|objectSerializer|specSerializer|'
                                 r'cellClass|specClass)="([\w.$]+)"', plugin_xml))
        factories = [c for c in classes if c.endswith("NodeFactory")]
        if len(factories) < 10:
            problems.append(f"{bundle.name}: plugin.xml names {len(factories)} node factories, expected at least 10")
        for c in sorted(classes):
            if c.startswith("org.mrisr.") and c.replace(".", "/") + ".class" not in names:
                problems.append(f"{bundle.name}: plugin.xml names {c}, which is not in the bundle")
        for f in factories:
            if f.replace(".", "/") + ".xml" not in names:
                problems.append(f"{bundle.name}: node description {f}.xml is missing")
        for m in ["models/srgan-x2.zip", "models/srgan-x4.zip"]:
            if m not in names:
                problems.append(f"{bundle.name}: shipped model {m} is missing")

for pid, os_name in NATIVES.items():
    jar = one("plugins", pid)
    if jar:
        with zipfile.ZipFile(jar) as z:
            mf = manifest(z)
            if not mf.get("Fragment-Host", "").startswith("org.mrisr"):
                problems.append(f"{jar.name}: Fragment-Host is {mf.get('Fragment-Host')}")
            if f"osgi.os={os_name}" not in mf.get("Eclipse-PlatformFilter", ""):
                problems.append(f"{jar.name}: Eclipse-PlatformFilter {mf.get('Eclipse-PlatformFilter')} lacks osgi.os={os_name}")
            check_classpath(jar, z, mf)
            if not any(n.endswith(".jar") and "nd4j-native" in n for n in z.namelist()):
                problems.append(f"{jar.name}: no nd4j-native platform jar inside")

content = repo / "content.xml.xz"
if content.exists():
    root = ET.fromstring(lzma.decompress(content.read_bytes()))
    ids = {u.get("id") for u in root.iter("unit")}
    for iu in ["org.mrisr", "org.mrisr.feature.feature.group", *NATIVES]:
        if iu not in ids:
            problems.append(f"content.xml: no installable unit {iu}")
    categories = [u for u in root.iter("unit")
                  if any(p.get("name") == "org.eclipse.equinox.p2.type.category" and p.get("value") == "true"
                         for p in u.iter("property"))]
    if not any(r.get("name") == "org.mrisr.feature.feature.group" for c in categories for r in c.iter("required")):
        problems.append("content.xml: no category lists org.mrisr.feature")
else:
    problems.append(f"{content}: missing (did the Tycho build run?)")

if problems:
    print("site check failed:\n  " + "\n  ".join(problems))
    sys.exit(1)
print(f"site check: {repo} has the feature, the bundle and {len(NATIVES)} native fragments, all consistent")
