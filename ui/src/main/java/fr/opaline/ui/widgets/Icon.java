package fr.opaline.ui.widgets;

import javafx.scene.layout.Region;

/**
 * Small vector icons drawn as a region's shape (24×24 design grid), coloured by CSS
 * ({@code -fx-background-color}). No icon font: ControlsFX's FontAwesome would download its
 * font from the network at first use.
 */
public enum Icon {
    AGENDA("M7 2h2v2h6V2h2v2h2a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h2V2zM5 9v11h14V9H5zm2 2h4v4H7v-4z"),
    /** Received documents (MSSanté). */
    INBOX("M3 5h18v14H3V5zm2 2.4V17h14V7.4l-7 4.6-7-4.6zM6.2 7l5.8 3.8L17.8 7H6.2z"),
    PATIENT("M12 12a5 5 0 1 1 0-10 5 5 0 0 1 0 10zm0 2c4.4 0 9 2.2 9 5v3H3v-3c0-2.8 4.6-5 9-5z"),
    WORKLIST("M3 4h3v3H3V4zm5 0h13v3H8V4zm-5 6.5h3v3H3v-3zm5 0h13v3H8v-3zM3 17h3v3H3v-3zm5 0h13v3H8v-3z"),
    LOCK("M6 10V8a6 6 0 1 1 12 0v2h1a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V11a1 1 0 0 1 1-1h1zm2 0h8V8a4 4 0 1 0-8 0v2zm3 4v4h2v-4h-2z"),
    INFO("M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm-1 8v8h2v-8h-2zm0-4v2h2V6h-2z"),
    PLUS("M11 4h2v7h7v2h-7v7h-2v-7H4v-2h7V4z"),
    REFRESH("M12 4a8 8 0 0 1 7.4 5H22l-3.5 4L15 9h2.2A6 6 0 1 0 18 14h2.1A8 8 0 1 1 12 4z"),
    PREVIOUS("M15.4 6 14 4.6 6.6 12l7.4 7.4 1.4-1.4-6-6 6-6z"),
    NEXT("M8.6 6 10 4.6l7.4 7.4-7.4 7.4L8.6 18l6-6-6-6z"),
    SEARCH("M10 3a7 7 0 0 1 5.6 11.2l5.1 5.1-1.4 1.4-5.1-5.1A7 7 0 1 1 10 3zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10z"),
    SCAN("M3 3h6v2H5v4H3V3zm12 0h6v6h-2V5h-4V3zM3 15h2v4h4v2H3v-6zm16 0h2v6h-6v-2h4v-4zM7 7h2v10H7V7zm4 0h1v10h-1V7zm3 0h3v10h-3V7z"),
    CHECK("M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4L9 16.2z"),
    CLOSE("M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4 6.4 5z"),
    WARNING("M12 2 1 21h22L12 2zm-1 7h2v6h-2V9zm0 8h2v2h-2v-2z"),
    BACK("M20 11H7.8l5.6-5.6L12 4l-8 8 8 8 1.4-1.4L7.8 13H20v-2z"),
    FOLDER("M3 5h7l2 2h9v12H3V5z"),
    CHART("M4 20h16v-2H4v2zm1-4h3V9H5v7zm5 0h3V4h-3v12zm5 0h3v-5h-3v5z"),
    SETTINGS("M4 6h9v2H4zM17 6h3v2h-3zM13 4h4v6h-4zM4 16h3v2H4zM11 16h9v2h-9zM7 14h4v6H7z"),
    // Document provenances (issue 9: provenance icons in the medical record).
    PROVENANCE_LOCAL("M4 21V8l8-5 8 5v13h-6v-6h-4v6H4z"),
    PROVENANCE_DMP("M12 2 3 6v6c0 5.1 3.8 9.4 9 10 5.2-.6 9-4.9 9-10V6l-9-4zm-1 6h2v3h3v2h-3v3h-2v-3H8v-2h3V8z"),
    PROVENANCE_MSSANTE("M3 5h18v14H3V5zm2 2.3V17h14V7.3l-7 4.5-7-4.5zM6.2 7l5.8 3.7L17.8 7H6.2z"),
    PROVENANCE_TELERADIOLOGY("M3 4h18v12H3V4zm2 2v8h14V6H5zm4 12h6v2H9v-2z"),
    PROVENANCE_PFI("M4 7h11.2l-2.6-2.6L14 3l5 5-5 5-1.4-1.4 2.6-2.6H4V7zm16 10H8.8l2.6 2.6L10 21l-5-5 5-5 1.4 1.4L8.8 15H20v2z");

    private final String path;

    Icon(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    /** A square icon node of the given size; its colour comes from the style class chain ("icon"). */
    public Region node(double size) {
        Region region = new Region();
        region.setStyle("-fx-shape: \"" + path + "\";");
        region.getStyleClass().add("icon");
        region.setMinSize(size, size);
        region.setPrefSize(size, size);
        region.setMaxSize(size, size);
        return region;
    }
}
