package fr.opaline.hl7.message;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.util.Set;

/**
 * One HAPI context for the process: the ER7 parser with the structures of each version the CI-SIS
 * flows use (v2.5 ORU and PAM, v2.5.1 teleradiology, v2.6 MDM and ZAM), no conformance validation
 * (the flows' own rules are checked by their handlers) and control ids that need no file.
 * Segments a version does not define (PRT pre-adopted from v2.9) are kept where they stand.
 */
public final class Hl7Context {

    public static final Set<String> SUPPORTED_VERSIONS = Set.of("2.5", "2.5.1", "2.6");

    private static final Hl7Context INSTANCE = new Hl7Context();

    private final HapiContext hapi;
    private final PipeParser parser;

    private Hl7Context() {
        hapi = new DefaultHapiContext(new CachingModelClassFactory());
        hapi.setValidationContext(ValidationContextFactory.noValidation());
        hapi.getParserConfiguration().setIdGenerator(ControlIds::next);
        parser = hapi.getPipeParser();
    }

    public static Hl7Context get() {
        return INSTANCE;
    }

    public HapiContext hapi() {
        return hapi;
    }

    public Message parse(String er7) throws HL7Exception {
        return parser.parse(normalise(er7));
    }

    public String encode(Message message) throws HL7Exception {
        return parser.encode(message);
    }

    /** Segment separators as HL7 wants them (CR), whatever the file or sender used. */
    public static String normalise(String er7) {
        String s = er7.replace("\r\n", "\r").replace('\n', '\r');
        while (s.endsWith("\r\r")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
