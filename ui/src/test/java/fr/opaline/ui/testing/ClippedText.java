package fr.opaline.ui.testing;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * Finds text the screen cuts: a label, button or cell whose skin draws something other than its
 * text (an ellipsis "Matricule…", or nothing). Call on the FX thread, after a layout pass.
 */
public final class ClippedText {

    private ClippedText() {
    }

    /** "text ≠ drawn" for every visible Labeled under {@code root} whose drawn text is not its text. */
    public static List<String> under(Node root) {
        List<String> clipped = new ArrayList<>();
        collect(root, clipped);
        return clipped;
    }

    private static void collect(Node node, List<String> clipped) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            String drawn = drawn(labeled);
            if (!labeled.getText().equals(drawn)) {
                clipped.add("« " + labeled.getText() + " » drawn as « " + drawn + " »");
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, clipped);
            }
        }
    }

    /** The text the Labeled's skin draws (its LabeledText child), null when it draws none. */
    private static String drawn(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && child != labeled.getGraphic() && child.isVisible()) {
                return text.getText();
            }
        }
        return null;
    }
}
