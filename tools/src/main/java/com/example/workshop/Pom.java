package com.example.workshop;

import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads a module's pom.xml for its jar's name, so that no lesson's name is written in the tool. */
final class Pom {

    private Pom() {
    }

    static String artifactId(Path module) {
        return child(module, null, "artifactId");
    }

    static String version(Path module) {
        String own = child(module, null, "version");
        return own.isEmpty() ? child(module, "parent", "version") : own;
    }

    private static String child(Path module, String parent, String name) {
        try {
            Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(module.resolve("pom.xml").toFile()).getDocumentElement();
            Element in = parent == null ? project : directChild(project, parent);
            Element found = in == null ? null : directChild(in, name);
            return found == null ? "" : found.getTextContent().trim();
        }
        catch (Exception ex) {
            throw new Problem("Could not read " + module.resolve("pom.xml") + ": " + ex.getMessage());
        }
    }

    private static Element directChild(Element element, String name) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && name.equals(child.getNodeName())) {
                return child;
            }
        }
        return null;
    }
}
