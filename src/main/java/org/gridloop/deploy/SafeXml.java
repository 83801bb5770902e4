package org.gridloop.deploy;

import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Parses a model file with no DTD, no external entities and no XInclude: the file is untrusted. */
final class SafeXml {

  private SafeXml() {}

  static Document parse(byte[] bytes) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    var builder = factory.newDocumentBuilder();
    builder.setErrorHandler(null);
    return builder.parse(new ByteArrayInputStream(bytes));
  }

  /** The element's id, or its nearest ancestor's, with the tag: how a problem names where it is. */
  static String describe(Element element) {
    for (org.w3c.dom.Node node = element; node instanceof Element e; node = node.getParentNode()) {
      String id = e.getAttribute("id");
      if (!id.isEmpty()) {
        String here = node == element ? "" : " > " + element.getLocalName();
        return e.getLocalName() + " '" + id + "'" + here;
      }
    }
    return element.getLocalName();
  }
}
