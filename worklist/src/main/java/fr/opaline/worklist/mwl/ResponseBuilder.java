package fr.opaline.worklist.mwl;

import fr.opaline.worklist.data.Attributes;
import fr.opaline.worklist.data.DicomCharset;
import fr.opaline.worklist.data.Tag;
import fr.opaline.worklist.data.Tags;
import fr.opaline.worklist.data.Vr;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a C-FIND response identifier: the return keys of the query (every attribute it
 * contains), with the values of the matched item (PS3.4 K.4.1.1.3.2). In a sequence, only the
 * items that matched the query's item are returned, reduced to its keys; an empty query item
 * asks for the whole sequence (C.2.2.2.6).
 *
 * <p>Character set: the response uses the query's Specific Character Set when Opaline
 * supports it, otherwise the configured one; characters the set lacks are spelled out
 * (œ → oe) or lose their accent rather than arrive garbled. (0008,0005) is stated whenever the
 * query stated one, or the response needs more than ASCII.
 */
public final class ResponseBuilder {

    private final DicomCharset responseCharset;
    private final boolean queryStatedCharset;
    private final Map<Attributes, QueryMatcher> matchers = new IdentityHashMap<>();
    private boolean unsupportedKeys;

    /**
     * @param query          the identifier of the C-FIND request
     * @param defaultCharset the set for queries that state none (or one Opaline cannot honour)
     */
    public ResponseBuilder(Attributes query, DicomCharset defaultCharset) {
        String stated = query.getString(Tags.SPECIFIC_CHARACTER_SET);
        DicomCharset queryCharset = DicomCharset.of(stated);
        this.queryStatedCharset = stated != null && !queryCharset.isDefault();
        this.responseCharset = queryStatedCharset && queryCharset.supported() ? queryCharset : defaultCharset;
    }

    /** Whether some requested keys were not supported (pending status FF01 then). */
    public boolean unsupportedKeys() {
        return unsupportedKeys;
    }

    public Attributes build(Attributes query, Attributes item) {
        Attributes response = project(query, item);
        boolean needsMore = fitText(response, responseCharset);
        response.remove(Tags.SPECIFIC_CHARACTER_SET);
        if (!responseCharset.isDefault() && (queryStatedCharset || needsMore)) {
            response.setString(Tags.SPECIFIC_CHARACTER_SET, Vr.CS, responseCharset.term());
        }
        return response;
    }

    /** A copy of a whole item in one character set, stated in (0008,0005) (worklist files for other SCPs). */
    public static Attributes inCharset(Attributes item, DicomCharset charset) {
        Attributes copy = item.copy();
        fitText(copy, charset);
        copy.setString(Tags.SPECIFIC_CHARACTER_SET, Vr.CS, charset.term());
        return copy;
    }

    private Attributes project(Attributes query, Attributes item) {
        Attributes out = new Attributes();
        for (Attributes.Element key : query.elements()) {
            int tag = key.tag();
            if (Tag.group(tag) == 0 || Tag.isGroupLength(tag) || tag == Tags.SPECIFIC_CHARACTER_SET) {
                continue;
            }
            Attributes.Element value = item.get(tag);
            if (value == null) {
                unsupportedKeys = true;
                continue;
            }
            List<Attributes> keyItems = key.items();
            if (keyItems == null || value.items() == null) {
                out.set(value.bytes() != null ? new Attributes.Element(tag, value.vr(), value.bytes().clone()) : value);
                continue;
            }
            List<Attributes> items = out.newSequence(tag);
            if (keyItems.isEmpty() || keyItems.get(0).isEmpty()) {
                value.items().forEach(v -> items.add(v.copy()));
                continue;
            }
            Attributes keyItem = keyItems.get(0);
            QueryMatcher matcher = matchers.computeIfAbsent(keyItem, QueryMatcher::compile);
            for (Attributes candidate : value.items()) {
                if (matcher.matches(candidate)) {
                    items.add(project(keyItem, candidate));
                }
            }
        }
        return out;
    }

    /** Makes every text value encodable in {@code charset}; tells whether any is not ASCII. */
    private static boolean fitText(Attributes attributes, DicomCharset charset) {
        boolean nonAscii = false;
        for (Attributes.Element e : List.copyOf(attributes.elements())) {
            if (e.items() != null) {
                for (Attributes item : e.items()) {
                    nonAscii |= fitText(item, charset);
                }
            } else if (e.text() != null && e.vr().usesSpecificCharacterSet()) {
                String fitted = charset.fit(e.text());
                if (!fitted.equals(e.text())) {
                    attributes.setString(e.tag(), e.vr(), fitted);
                }
                nonAscii |= !DicomCharset.DEFAULT.canEncode(fitted);
            }
        }
        return nonAscii;
    }
}
