package fr.opaline.core.archfixture;

import javax.net.ssl.KeyManagerFactory;
import javax.xml.parsers.DocumentBuilderFactory;

/** Deliberately builds its own XML parser and key managers, to prove the plumbing rules can fail. Test code only. */
public final class ClassThatParsesXmlItself {

    private ClassThatParsesXmlItself() {
    }

    static Object offend() throws Exception {
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        return DocumentBuilderFactory.newInstance().newDocumentBuilder();
    }
}
