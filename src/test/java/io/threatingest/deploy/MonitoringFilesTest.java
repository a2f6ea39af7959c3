package io.threatingest.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The monitoring files without a running service: the PrometheusRule holds exactly the plain rules, every alert
 * has a severity and says what to check, and the metric-name extraction that {@link MonitoringMetricsTest} relies
 * on finds metric names and nothing else.
 */
class MonitoringFilesTest {

    @Test
    void prometheusRuleHoldsExactlyThePlainRules() {
        JsonNode resource = MonitoringQueries.read(MonitoringQueries.YAML, MonitoringQueries.PROMETHEUS_RULE);
        assertEquals("monitoring.coreos.com/v1", resource.path("apiVersion").asText());
        assertEquals("PrometheusRule", resource.path("kind").asText());
        assertEquals(MonitoringQueries.rules(), resource.path("spec"),
                "deploy/kubernetes/prometheus-rule.yml differs from the plain rules: run scripts/prometheus-rule.sh");
    }

    @Test
    void everyAlertHasASeverityASummaryAndAFirstCheck() {
        List<String> problems = new ArrayList<>();
        int alerts = 0;
        for (JsonNode rule : MonitoringQueries.ruleList()) {
            if (!rule.hasNonNull("alert")) {
                continue;
            }
            alerts++;
            String name = rule.path("alert").asText();
            if (!Set.of("critical", "warning").contains(rule.path("labels").path("severity").asText())) {
                problems.add(name + ": severity is not critical or warning");
            }
            if (rule.path("annotations").path("summary").asText().isBlank()) {
                problems.add(name + ": no summary");
            }
            if (!rule.path("annotations").path("description").asText().contains("Check first")) {
                problems.add(name + ": the description does not say what to check first");
            }
        }
        assertTrue(alerts >= 8, "alerts found: " + alerts);
        assertEquals(List.of(), problems);
    }

    @Test
    void metricNamesAreFoundAndFunctionsLabelsKeywordsAndVariablesAreNot() {
        String expression = "histogram_quantile(0.99, sum by (namespace, le) (rate(a_seconds_bucket{job=~\"$job\","
                + " le!=\"+Inf\"}[$__rate_interval]))) > 2e0 and on (job, instance) b_total offset 1d"
                + " or max_over_time(c_connected[5m:1m]) unless ignoring(x) group_left(y) topk($top, d_gauge)"
                + " / scalar(e_sum) * 0 * group by (job) (f:recorded:rate5m) == bool 1";
        assertEquals(Set.of("a_seconds_bucket", "b_total", "c_connected", "d_gauge", "e_sum", "f:recorded:rate5m"),
                MonitoringQueries.metricNames(expression));
    }

    @Test
    void theDashboardAndTheRulesReadTheServicesMetrics() {
        Set<String> used = MonitoringQueries.usedMetricNames();
        for (String name : List.of("ingest_submissions_total", "ingest_publish_duration_seconds_bucket",
                "ingest_broker_connected", "jvm_memory_used_bytes", "up")) {
            assertTrue(used.contains(name), name + " in " + used);
        }
        assertTrue(used.stream().noneMatch(name -> name.contains(":")), "recorded series are not the service's: "
                + used);
        assertTrue(MonitoringQueries.dashboardExpressions().size() >= 25, "dashboard queries");
    }
}
