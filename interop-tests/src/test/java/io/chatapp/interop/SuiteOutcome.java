package io.chatapp.interop;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What one run of Smack's integration test suite gave: each test's name ({@code Class.method}, with the connection
 * type for low-level tests) and result, and for a failed or impossible one why.
 *
 * @param results every test's result
 * @param reasons the failure or the reason it could not run, for tests that did not pass
 */
record SuiteOutcome(Map<String, Result> results, Map<String, String> reasons) {

    /** How a test ended. */
    enum Result { PASSED, FAILED, NOT_POSSIBLE }

    SuiteOutcome {
        results = Map.copyOf(results);
        reasons = Map.copyOf(reasons);
    }

    Set<String> with(Result result) {
        return results.entrySet().stream().filter(entry -> entry.getValue() == result).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    Set<String> passed() {
        return with(Result.PASSED);
    }

    Set<String> failed() {
        return with(Result.FAILED);
    }

    /** Counts, then every test that did not pass with its reason, one a line, sorted. */
    String report(String title) {
        StringBuilder report = new StringBuilder("== ").append(title).append(": ")
                .append(passed().size()).append(" passed, ").append(failed().size()).append(" failed, ")
                .append(with(Result.NOT_POSSIBLE).size()).append(" not possible\n");
        for (Map.Entry<String, Result> entry : new TreeMap<>(results).entrySet()) {
            if (entry.getValue() != Result.PASSED) {
                report.append(entry.getValue()).append(' ').append(entry.getKey()).append(": ")
                        .append(reasons.getOrDefault(entry.getKey(), "")).append('\n');
            }
        }
        return report.toString();
    }
}
