package fr.opaline.hl7.message;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.util.Terser;
import java.util.ArrayList;
import java.util.List;

/**
 * The segments of a parsed message in their order, whatever the groups of its structure (and the
 * segments a version does not define, such as PRT) — for reading flows that mix versions.
 */
public final class Segments {

    private Segments() {
    }

    public static List<Segment> all(Group group) {
        List<Segment> out = new ArrayList<>();
        collect(group, out);
        return out;
    }

    public static List<Segment> named(Group group, String name) {
        return all(group).stream().filter(s -> s.getName().equals(name)).toList();
    }

    private static void collect(Group group, List<Segment> out) {
        try {
            for (String name : group.getNames()) {
                for (Structure s : group.getAll(name)) {
                    if (s instanceof Segment segment) {
                        if (!isEmpty(segment)) {
                            out.add(segment);
                        }
                    } else if (s instanceof Group g) {
                        collect(g, out);
                    }
                }
            }
        } catch (HL7Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isEmpty(Segment s) throws HL7Exception {
        return s.isEmpty();
    }

    /** A component of a segment's field ({@code rep} 0-based, component and sub 1-based); null when empty. */
    public static String get(Segment s, int field, int rep, int component, int sub) {
        try {
            if (field > s.numFields() || rep >= s.getField(field).length) {
                return null;
            }
            String v = Terser.get(s, field, rep, component, sub);
            return v == null || v.isEmpty() ? null : v;
        } catch (HL7Exception e) {
            return null;
        }
    }

    public static String get(Segment s, int field, int component) {
        return get(s, field, 0, component, 1);
    }

    public static int repetitions(Segment s, int field) {
        try {
            return field > s.numFields() ? 0 : s.getField(field).length;
        } catch (HL7Exception e) {
            return 0;
        }
    }
}
