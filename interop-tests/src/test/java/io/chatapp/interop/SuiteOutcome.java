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

    /**
     * This outcome with the tests that ended {@code result} in {@code retry} (a second run of some of them) counted
     * as that, their first result kept in the reason.
     */
    SuiteOutcome afterRetry(SuiteOutcome retry, Result result) {
        Map<String, Result> merged = new java.util.HashMap<>(results);
        Map<String, String> mergedReasons = new java.util.HashMap<>(reasons);
        for (String test : retry.with(result)) {
            merged.put(test, result);
            mergedReasons.put(test, result + " when run again; first run: "
                    + reasons.getOrDefault(test, String.valueOf(results.get(test))));
        }
        return new SuiteOutcome(merged, mergedReasons);
    }

    /** Counts, then every test that did not pass with its reason, one a line, sorted. */
    String report(String title) {
        StringBuilder report = new StringBuilder("== ").append(title).append(": ")
                .append(passed().size()).append(" passed, ").append(failed().size()).append(" failed, ")
                .append(with(Result.NOT_POSSIBLE).size()).append(" not possible\n");
        for (Map.Entry<String, Result> entry : new TreeMap<>(results).entrySet()) {
            if (entry.getValue() != Result.PASSED || reasons.containsKey(entry.getKey())) {
                report.append(entry.getValue()).append(' ').append(entry.getKey()).append(": ")
                        .append(reasons.getOrDefault(entry.getKey(), "")).append('\n');
            }
        }
        return report.toString();
    }
}
