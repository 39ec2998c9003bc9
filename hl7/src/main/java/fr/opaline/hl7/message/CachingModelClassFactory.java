package fr.opaline.hl7.message;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.parser.DefaultModelClassFactory;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HAPI's class lookup, remembered: the flows use segments and messages a version does not define
 * (PRT pre-adopted from v2.9, ZAM, CON in v2.5), and HAPI would look each of them up on the class
 * path again — a failed class load — for every message.
 */
final class CachingModelClassFactory extends DefaultModelClassFactory {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, Optional<Class<? extends Message>>> messages = new ConcurrentHashMap<>();
    private final transient Map<String, Optional<Class<? extends Group>>> groups = new ConcurrentHashMap<>();
    private final transient Map<String, Optional<Class<? extends Segment>>> segments = new ConcurrentHashMap<>();
    private final transient Map<String, Optional<Class<? extends Type>>> types = new ConcurrentHashMap<>();

    @FunctionalInterface
    private interface Lookup<T> {
        T find() throws HL7Exception;
    }

    private static <T> T cached(Map<String, Optional<T>> cache, String key, Lookup<T> lookup) throws HL7Exception {
        Optional<T> known = cache.get(key);
        if (known != null) {
            return known.orElse(null);
        }
        T found = lookup.find();
        cache.put(key, Optional.ofNullable(found));
        return found;
    }

    @Override
    public Class<? extends Message> getMessageClass(String name, String version, boolean isExplicit) throws HL7Exception {
        return cached(messages, name + "|" + version + "|" + isExplicit, () -> super.getMessageClass(name, version, isExplicit));
    }

    @Override
    public Class<? extends Group> getGroupClass(String name, String version) throws HL7Exception {
        return cached(groups, name + "|" + version, () -> super.getGroupClass(name, version));
    }

    @Override
    public Class<? extends Segment> getSegmentClass(String name, String version) throws HL7Exception {
        return cached(segments, name + "|" + version, () -> super.getSegmentClass(name, version));
    }

    @Override
    public Class<? extends Type> getTypeClass(String name, String version) throws HL7Exception {
        return cached(types, name + "|" + version, () -> super.getTypeClass(name, version));
    }
}
