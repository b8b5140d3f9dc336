package dev.catena.connect.parity;

import java.util.ArrayList;
import java.util.List;

/** Every parity case, in a fixed order (a case's index is the partition that selects its step). */
final class SmtCatalogue {
    private SmtCatalogue() {
    }

    static List<SmtCase> all() {
        List<SmtCase> all = new ArrayList<>();
        all.addAll(FieldCases.cases());
        all.addAll(TypeCases.cases());
        all.addAll(RoutingCases.cases());
        all.addAll(DifferenceCases.cases());
        return all;
    }

    /** The case of a library step with a label; for the differences tests. */
    static SmtCase find(String lib, String label) {
        return SmtParityTest.CASES.stream().filter(c -> c.lib.equals(lib) && c.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no case " + lib + " [" + label + "]"));
    }
}
