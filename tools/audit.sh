#!/usr/bin/env bash
# Dependency audit: pip-audit against the installed environment, safe to run offline.
#
#   tools/audit.sh            # audits the interpreter in $PYTHON (default .venv/bin/python)
#
# Exit 0: no known vulnerability, or the advisory database could not be reached (then it says
# "skipped: advisory database unreachable" and why). Exit 1: a known vulnerability was found
# (listed with the version that fixes it), or pip-audit itself is missing or broke.
#
# The advisory services are PyPI's JSON API and OSV. A package mirror without PyPI's JSON API
# answers 404 for every package, which pip-audit reports as "not found on PyPI" and then says
# "No known vulnerabilities found": that is not an audit, so it counts as unreachable here.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
[ -x "$PY" ] || PY=python3

if ! "$PY" -m pip_audit --version >/dev/null 2>&1; then
    echo "pip-audit is not installed: pip install -e '.[test]'" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for service in pypi osv; do
    "$PY" -m pip_audit --progress-spinner off --skip-editable --vulnerability-service "$service" \
        --timeout 20 --format json --output "$work/$service.json" >"$work/$service.out" 2>"$work/$service.err"
    echo $? >"$work/$service.rc"
done

"$PY" - "$work" <<'PY'
import json, pathlib, sys

work = pathlib.Path(sys.argv[1])
reasons = []
for service in ("pypi", "osv"):
    report = work / f"{service}.json"
    rc = int((work / f"{service}.rc").read_text())
    try:
        data = json.loads(report.read_text())
    except (OSError, ValueError):
        err = (work / f"{service}.err").read_text().strip().splitlines()
        reasons.append(f"{service}: {err[-1] if err else f'pip-audit exited {rc}'}")
        continue
    deps = data.get("dependencies", [])
    audited = [d for d in deps if "skip_reason" not in d]
    if not audited:
        reasons.append(f"{service}: 0 of {len(deps)} packages could be looked up")
        continue
    vulnerable = [d for d in audited if d.get("vulns")]
    print(f"pip-audit ({service}): {len(audited)} packages audited, {len(deps) - len(audited)} skipped, "
          f"{sum(len(d['vulns']) for d in vulnerable)} known vulnerabilities")
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions") or []) or "no fix released"
            aliases = ", ".join(vuln.get("aliases") or [])
            print(f"  {dep['name']} {dep['version']}: {vuln['id']} ({aliases}) fixed in {fixed}")
    sys.exit(1 if vulnerable else 0)
print("skipped: advisory database unreachable (" + "; ".join(reasons) + ")")
sys.exit(0)
PY
