#!/usr/bin/env bash
# Checks the monitoring files under deploy/: the Prometheus rules (syntax, then their unit tests), the
# PrometheusRule copy of them, and the Grafana dashboard (valid JSON, no fixed data source). Needs promtool
# (Debian package prometheus) and python3. That every metric they name exists is MonitoringMetricsTest's job.
set -euo pipefail
cd "$(dirname "$0")/.."

promtool check rules deploy/prometheus/threat-ingest-rules.yml
promtool test rules deploy/prometheus/threat-ingest-rules.test.yml
scripts/prometheus-rule.sh --check
echo "deploy/kubernetes/prometheus-rule.yml matches deploy/prometheus/threat-ingest-rules.yml"

dashboard=deploy/grafana/threat-ingest.json
python3 -m json.tool "$dashboard" > /dev/null
queries=$(mktemp)
trap 'rm -f "$queries"' EXIT
# Structure (data source, variables in every query), then every query as PromQL: written out as recording rules
# (Grafana's variables replaced by sample values) for promtool to parse.
python3 - "$dashboard" "$queries" <<'PY'
import json, sys
path = sys.argv[1]
board = json.load(open(path))
problems = []
variables = {v["name"]: v for v in board["templating"]["list"]}
if variables.get("datasource", {}).get("type") != "datasource" or variables["datasource"].get("query") != "prometheus":
    problems.append("no datasource variable of Prometheus type")
for name in ("namespace", "job", "instance"):
    if name not in variables:
        problems.append("no variable " + name)
def panels(items):
    for item in items:
        yield item
        yield from panels(item.get("panels", []))
count = 0
for panel in panels(board["panels"]):
    if panel.get("type") == "row":
        continue
    count += 1
    title = panel.get("title", "?")
    if panel.get("datasource", {}).get("uid") != "${datasource}":
        problems.append(title + ": data source is not ${datasource}")
    for target in panel.get("targets", []):
        expr = target.get("expr", "")
        for label in ("namespace", "job", "instance"):
            if '%s=~"$%s"' % (label, label) not in expr:
                problems.append("%s: query without the %s variable: %s" % (title, label, expr))
        if "rate(" in expr and "$__rate_interval" not in expr:
            problems.append(title + ": rate without $__rate_interval: " + expr)
exprs = [t["expr"] for p in panels(board["panels"]) for t in p.get("targets", [])]
with open(sys.argv[2], "w") as out:
    out.write("groups:\n  - name: dashboard\n    rules:\n")
    for i, expr in enumerate(exprs):
        expr = expr.replace("$__rate_interval", "5m").replace("$top", "10")
        for label in ("namespace", "job", "instance"):
            expr = expr.replace("$" + label, ".*")
        out.write("      - record: dashboard_query_%d\n        expr: %s\n" % (i, json.dumps(expr)))
if count == 0:
    problems.append("no panels")
if problems:
    sys.exit(path + ":\n  " + "\n  ".join(problems))
print("%s: %d panels, every query filtered by namespace, job and instance" % (path, count))
PY
promtool check rules "$queries" > /dev/null || { promtool check rules "$queries"; exit 1; }
echo "$dashboard: every query parses as PromQL"
