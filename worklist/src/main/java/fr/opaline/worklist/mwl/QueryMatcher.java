package fr.opaline.worklist.mwl;

import fr.opaline.worklist.data.Attributes;
import fr.opaline.worklist.data.Tag;
import fr.opaline.worklist.data.Tags;
import fr.opaline.worklist.data.Vr;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The matching keys of a C-FIND identifier, compiled once and applied to every candidate
 * (PS3.4 C.2.2.2 and annex K): single value, list of UIDs, universal (empty value or a lone
 * '*'), wildcard ('*' and '?'), date and time ranges, and sequence matching (an item of the
 * candidate's sequence must match every key of the query's item). Person names match
 * regardless of case and accents. A key the candidate does not have is not supported by this
 * SCP and is ignored, as PS3.4 requires for optional keys.
 */
public final class QueryMatcher {

    private record Key(int tag, Predicate<Attributes.Element> test) {
    }

    private final List<Key> keys;

    private QueryMatcher(List<Key> keys) {
        this.keys = keys;
    }

    /**
     * @throws IllegalArgumentException a key value that cannot be matched (e.g. a malformed date),
     *                                  with a French message naming the attribute
     */
    public static QueryMatcher compile(Attributes query) {
        List<Key> keys = new ArrayList<>();
        for (Attributes.Element key : query.elements()) {
            int tag = key.tag();
            if (Tag.group(tag) == 0 || Tag.isGroupLength(tag) || Tag.isPrivate(tag)
                    || tag == Tags.SPECIFIC_CHARACTER_SET || tag == Tags.TIMEZONE_OFFSET_FROM_UTC || key.isEmpty()) {
                continue;
            }
            try {
                Predicate<Attributes.Element> test = predicate(key);
                if (test != null) {
                    keys.add(new Key(tag, test));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(Tag.toString(tag) + " : " + e.getMessage(), e);
            }
        }
        return new QueryMatcher(List.copyOf(keys));
    }

    /** Whether there is nothing to match (every candidate matches). */
    public boolean isUniversal() {
        return keys.isEmpty();
    }

    public boolean matches(Attributes candidate) {
        for (Key key : keys) {
            Attributes.Element value = candidate.get(key.tag());
            if (value != null && !key.test().test(value)) {
                return false;
            }
        }
        return true;
    }

    /** The predicate for one non-empty key, or null when it matches everything. */
    private static Predicate<Attributes.Element> predicate(Attributes.Element key) {
        if (key.items() != null) {
            QueryMatcher item = compile(key.items().get(0));
            if (item.isUniversal()) {
                return null;
            }
            return value -> value.items() != null && value.items().stream().anyMatch(item::matches);
        }
        if (key.bytes() != null) {
            byte[] expected = key.bytes();
            return value -> value.bytes() != null && Arrays.equals(expected, value.bytes());
        }
        String text = key.text().trim();
        if (text.equals("*")) {
            return null;
        }
        Vr vr = key.vr();
        List<String> wanted = vr.isMultiValuedText() ? values(text) : List.of(text);
        return switch (vr) {
            case UI -> {
                Set<String> uids = Set.copyOf(wanted);
                yield value -> anyValue(value, uids::contains);
            }
            case DA -> {
                List<DicomDates.Range<LocalDate>> ranges = wanted.stream().map(DicomDates::dateRange).toList();
                yield value -> anyValue(value, v -> ranges.stream().anyMatch(r -> r.contains(DicomDates.date(v))));
            }
            case TM -> {
                List<DicomDates.Range<LocalTime>> ranges = wanted.stream().map(DicomDates::timeRange).toList();
                yield value -> anyValue(value, v -> ranges.stream().anyMatch(r -> r.contains(DicomDates.time(v, false))));
            }
            case PN -> {
                List<String> patterns = wanted.stream().map(PersonNames::fold).toList();
                yield value -> anyValue(value, v -> {
                    String folded = PersonNames.fold(v);
                    return patterns.stream().anyMatch(p -> textMatches(p, folded));
                });
            }
            case AE, CS, LO, LT, SH, ST, UC, UT, UR -> value -> anyValue(value,
                    v -> wanted.stream().anyMatch(p -> textMatches(p, v)));
            default -> value -> anyValue(value, wanted::contains);
        };
    }

    private static boolean anyValue(Attributes.Element value, Predicate<String> test) {
        String text = value.text();
        if (text == null || text.isEmpty()) {
            return false;
        }
        if (!value.vr().isMultiValuedText()) {
            return test.test(text.trim());
        }
        for (String v : values(text)) {
            if (!v.isEmpty() && test.test(v)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> values(String text) {
        return Arrays.stream(text.split("\\\\", -1)).map(String::trim).toList();
    }

    private static boolean textMatches(String pattern, String value) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 ? wildcard(pattern, value) : pattern.equals(value);
    }

    /** '*' any run of characters (empty included), '?' exactly one (PS3.4 C.2.2.2.4). */
    static boolean wildcard(String pattern, String value) {
        int p = 0;
        int v = 0;
        int star = -1;
        int resume = 0;
        while (v < value.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == value.charAt(v))) {
                p++;
                v++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = v;
            } else if (star >= 0) {
                p = star + 1;
                v = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
