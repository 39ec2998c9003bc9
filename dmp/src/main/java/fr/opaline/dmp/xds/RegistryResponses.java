package fr.opaline.dmp.xds;

import static fr.opaline.dmp.soap.DmpNamespaces.RS;

import fr.opaline.dmp.soap.Dom;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** The ebRS RegistryResponse (ITI-41, ITI-57, and the status of ITI-18 / ITI-43 answers). */
public final class RegistryResponses {

    /** The status of an answer and its errors. */
    public record Outcome(String status, List<RegistryError> errors) {
        public boolean success() {
            return XdsVocabulary.SUCCESS.equals(status);
        }

        public boolean hasError(String code) {
            return errors.stream().anyMatch(e -> code.equals(e.errorCode()));
        }

        /** The errors as one French sentence for a user or a job's last error. */
        public String describe() {
            if (errors.isEmpty()) {
                return success() ? "succès" : "échec sans motif";
            }
            StringBuilder text = new StringBuilder();
            for (RegistryError e : errors) {
                if (!text.isEmpty()) {
                    text.append(" ; ");
                }
                text.append(e.codeContext() == null ? e.errorCode() : e.codeContext()).append(" (").append(e.errorCode())
                        .append(')');
            }
            return text.toString();
        }
    }

    private RegistryResponses() {
    }

    /** Reads the status and errors of a response element (RegistryResponse, AdhocQueryResponse…). */
    public static Outcome read(Element response) {
        List<RegistryError> errors = new ArrayList<>();
        Element list = Dom.child(response, "RegistryErrorList");
        for (Element e : Dom.children(list, "RegistryError")) {
            errors.add(new RegistryError(e.getAttribute("errorCode"), Dom.attribute(e, "codeContext"),
                    Dom.attribute(e, "location")));
        }
        return new Outcome(response.getAttribute("status"), List.copyOf(errors));
    }

    /** Writes a RegistryResponse: success when there is no error. */
    public static Element write(Element parent, List<RegistryError> errors) {
        Element response = Dom.add(parent, RS, "rs:RegistryResponse");
        status(response, errors);
        return response;
    }

    /** Sets the status of a response element and adds its error list. */
    public static void status(Element response, List<RegistryError> errors) {
        response.setAttribute("status", errors.isEmpty() ? XdsVocabulary.SUCCESS : XdsVocabulary.FAILURE);
        if (!errors.isEmpty()) {
            Element list = Dom.add(response, RS, "rs:RegistryErrorList");
            for (RegistryError error : errors) {
                Element e = Dom.add(list, RS, "rs:RegistryError");
                e.setAttribute("errorCode", error.errorCode());
                e.setAttribute("codeContext", error.codeContext());
                e.setAttribute("severity", XdsVocabulary.ERROR_SEVERITY);
                Dom.attr(e, "location", error.location());
            }
        }
    }
}
