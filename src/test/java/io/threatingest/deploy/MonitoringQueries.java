package io.threatingest.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The PromQL of the monitoring files (the Grafana dashboard's queries and variables, the Prometheus rules'
 * expressions) and the metric names it reads, found by a loose parse: strings, label matchers, ranges, label
 * lists and Grafana variables are dropped, then every identifier that is not a function (followed by a
 * parenthesis), a keyword or a number is a metric name. Names are kept as written (with _bucket, _count, _sum),
 * which is how the service's Prometheus text names its samples.
 */
final class MonitoringQueries {

    static final Path DASHBOARD = Path.of("deploy/grafana/threat-ingest.json");
    static final Path RULES = Path.of("deploy/prometheus/threat-ingest-rules.yml");
    static final Path PROMETHEUS_RULE = Path.of("deploy/kubernetes/prometheus-rule.yml");

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "atan2", "inf", "nan");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern LABEL_LIST = Pattern
            .compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?\\w+(?::\\w+)?}?");
    // possessive, so that "rate(" is not read as the name "rat" followed by "e("
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w:.])[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()");
    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\((.*),\\s*\\w+\\s*\\)\\s*$",
            Pattern.DOTALL);

    private MonitoringQueries() {
    }

    /** The metric names one PromQL expression reads. */
    static Set<String> metricNames(String expression) {
        String rest = STRING.matcher(expression).replaceAll(" ");
        rest = MATCHERS.matcher(rest).replaceAll(" ");
        rest = RANGE.matcher(rest).replaceAll(" ");
        rest = LABEL_LIST.matcher(rest).replaceAll(" ");
        rest = VARIABLE.matcher(rest).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(rest);
        while (m.find()) {
            if (!KEYWORDS.contains(m.group().toLowerCase())) {
                names.add(m.group());
            }
        }
        return names;
    }

    /** Every query of the dashboard: its panels' targets and its query variables (label_values: the selector). */
    static List<String> dashboardExpressions() {
        JsonNode board = read(JSON, DASHBOARD);
        List<String> expressions = new ArrayList<>();
        collectTargets(board.path("panels"), expressions);
        for (JsonNode variable : board.path("templating").path("list")) {
            if (!"query".equals(variable.path("type").asText())) {
                continue;
            }
            JsonNode query = variable.path("query");
            String text = query.isObject() ? query.path("query").asText() : query.asText();
            Matcher labelValues = LABEL_VALUES.matcher(text);
            expressions.add(labelValues.matches() ? labelValues.group(1) : text);
        }
        return expressions;
    }

    private static void collectTargets(JsonNode panels, List<String> expressions) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    expressions.add(target.path("expr").asText());
                }
            }
            collectTargets(panel.path("panels"), expressions);
        }
    }

    /** The rules file as parsed YAML. */
    static JsonNode rules() {
        return read(YAML, RULES);
    }

    /** Every rule of the rules file (recording and alerting). */
    static List<JsonNode> ruleList() {
        List<JsonNode> rules = new ArrayList<>();
        rules().path("groups").forEach(group -> group.path("rules").forEach(rules::add));
        return rules;
    }

    /** The names the rules record: series of Prometheus, not of the service. */
    static Set<String> recordedNames() {
        Set<String> names = new TreeSet<>();
        ruleList().stream().filter(rule -> rule.hasNonNull("record"))
                .forEach(r -> names.add(r.path("record").asText()));
        return names;
    }

    /** The metric names the dashboard and the rules read, without those the rules record themselves. */
    static Set<String> usedMetricNames() {
        Set<String> names = new TreeSet<>();
        dashboardExpressions().forEach(expression -> names.addAll(metricNames(expression)));
        ruleList().forEach(rule -> names.addAll(metricNames(rule.path("expr").asText())));
        names.removeAll(recordedNames());
        return names;
    }

    /** The sample names of a Prometheus text exposition (comments skipped). */
    static Set<String> exposedNames(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }

    static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
