package org.tongban.workflow.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an instance stands, as stored in {@code workflow_instance.state}: a top-level state, and for
 * a parallel step the state of each branch: {@code joint-review{education:eligibility-review,health:health~end}}.
 */
record MachineState(String root, Map<String, String> branches) {

    static final String START = "~start";
    static final String CORRECTION = "~correction";
    static final String END = "~end";
    static final String FORK = "~fork";
    static final String JOIN = "~join";

    MachineState {
        branches = Map.copyOf(new LinkedHashMap<>(branches));
    }

    static MachineState of(String root) {
        return new MachineState(root, Map.of());
    }

    static MachineState parse(String text) {
        int brace = text.indexOf('{');
        if (brace < 0) {
            return of(text);
        }
        Map<String, String> branches = new LinkedHashMap<>();
        String inner = text.substring(brace + 1, text.length() - 1);
        for (String part : inner.split(",")) {
            int colon = part.indexOf(':');
            branches.put(part.substring(0, colon), part.substring(colon + 1));
        }
        return new MachineState(text.substring(0, brace), branches);
    }

    boolean parallel() {
        return !branches.isEmpty();
    }

    @Override
    public String toString() {
        if (branches.isEmpty()) {
            return root;
        }
        StringBuilder out = new StringBuilder(root).append('{');
        // stable order so that equal states print equally
        branches.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.append(e.getKey()).append(':').append(e.getValue()).append(','));
        out.setLength(out.length() - 1);
        return out.append('}').toString();
    }

    static boolean isCorrection(String state) {
        return state.endsWith(CORRECTION);
    }

    static String stepOf(String state) {
        return isCorrection(state) ? state.substring(0, state.length() - CORRECTION.length()) : state;
    }
}
