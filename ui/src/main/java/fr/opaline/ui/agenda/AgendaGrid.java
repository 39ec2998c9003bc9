package fr.opaline.ui.agenda;

import fr.opaline.core.scheduling.AppointmentStatus;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.patient.PatientNames;
import fr.opaline.ui.widgets.IdentityBadge;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/**
 * The agenda's time grid: a header per column, a time gutter, and one block per appointment.
 * A block is dragged with the mouse to another time or column; while it moves it shows where
 * it would land and, in red, why it cannot (another modality, an overlap). Double-click on a
 * free slot asks for a booking there.
 */
final class AgendaGrid extends BorderPane {

    /** What the grid reports to its screen. */
    interface Listener {
        void selected(AgendaItem item);

        void opened(AgendaItem item);

        void slotRequested(AgendaColumn column, LocalTime time);

        void moved(AgendaItem item, AgendaColumn column, LocalTime time);

        Optional<String> dropProblem(AgendaItem item, AgendaColumn column, LocalTime time);

        void headerClicked(AgendaColumn column);
    }

    static final double GUTTER = 58;
    static final double MIN_COLUMN_WIDTH = 104;
    private static final double DRAG_THRESHOLD = 5;

    private final Messages messages;
    private final Clock clock;
    private final Listener listener;
    private final TimeScale scale = TimeScale.DEFAULT;
    private final Body body = new Body();
    private final Header header = new Header();
    private final ScrollPane scroll = new ScrollPane(body);
    private final Region hoverSlot = new Region();
    private final Label dragHint = new Label();
    private final Map<UUID, Placement> pendingMoves = new HashMap<>();
    private List<AgendaColumn> columns = List.of();
    private List<AgendaItem> items = List.of();
    private UUID selectedId;
    private Drag drag;
    private boolean dirty;
    private boolean scrolledToMorning;

    private record Placement(int column, LocalTime start) {
    }

    /** A drag in progress. */
    private static final class Drag {
        final Block block;
        final double pressX;
        final double pressY;
        final double startX;
        final double startY;
        boolean moving;
        Placement target;

        Drag(Block block, MouseEvent press) {
            this.block = block;
            this.pressX = press.getSceneX();
            this.pressY = press.getSceneY();
            this.startX = block.getLayoutX();
            this.startY = block.getLayoutY();
        }
    }

    AgendaGrid(Messages messages, Clock clock, Listener listener) {
        this.messages = messages;
        this.clock = clock;
        this.listener = listener;
        getStyleClass().add("agenda-grid");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.getStyleClass().add("agenda-scroll");
        hoverSlot.getStyleClass().add("agenda-hover-slot");
        hoverSlot.setMouseTransparent(true);
        hoverSlot.setVisible(false);
        dragHint.getStyleClass().add("agenda-drag-hint");
        dragHint.setMouseTransparent(true);
        dragHint.setVisible(false);
        setTop(header);
        setCenter(scroll);
        body.widthProperty().addListener((o, was, now) -> header.requestLayout());
        scroll.hvalueProperty().addListener((o, was, now) -> header.requestLayout());
        scroll.viewportBoundsProperty().addListener((o, was, now) -> {
            header.requestLayout();
            if (!scrolledToMorning && now.getHeight() > 0) {
                scrolledToMorning = true;
                scrollTo(LocalTime.of(7, 45));
            }
        });
        body.setOnMouseClicked(this::onBodyClicked);
        body.setOnMouseMoved(this::onBodyHover);
        body.setOnMouseExited(e -> hoverSlot.setVisible(false));
    }

    void show(List<AgendaColumn> newColumns, List<AgendaItem> newItems, AgendaItem selected) {
        columns = List.copyOf(newColumns);
        items = List.copyOf(newItems);
        selectedId = selected == null ? null : selected.appointment().id();
        if (drag != null && drag.moving) {
            dirty = true;
            return;
        }
        rebuild();
    }

    void select(AgendaItem selected) {
        selectedId = selected == null ? null : selected.appointment().id();
        for (Node node : body.getChildren()) {
            if (node instanceof Block block) {
                block.pseudoSelected(block.item.appointment().id().equals(selectedId));
            }
        }
    }

    /** Scrolls so that the given time is at the top. */
    void scrollTo(LocalTime time) {
        double hidden = scale.height() + 24 - scroll.getViewportBounds().getHeight();
        if (hidden > 0) {
            scroll.setVvalue(Math.min(1, scale.y(time) / hidden));
        }
    }

    /** The block of an appointment, for tests and keyboard focus. */
    Optional<Node> blockOf(UUID appointmentId) {
        return body.getChildren().stream().filter(n -> n instanceof Block b && b.item.appointment().id().equals(appointmentId))
                .findFirst();
    }

    /** Where a time of a column is on screen (scene coordinates), for tests that drag. */
    javafx.geometry.Point2D pointOf(int column, LocalTime time) {
        double x = GUTTER + column * columnWidth() + columnWidth() / 2;
        return body.localToScreen(x, scale.y(time) + 2);
    }

    private void rebuild() {
        dirty = false;
        pendingMoves.clear();
        List<Node> nodes = new ArrayList<>();
        LocalTime hour = scale.first();
        while (!hour.isAfter(scale.last())) {
            for (int quarter = 0; quarter < 4; quarter++) {
                LocalTime t = hour.plusMinutes(15L * quarter);
                if (t.isAfter(scale.last()) || (quarter > 0 && t.getHour() != hour.getHour())) {
                    break;
                }
                Region line = new Region();
                line.getStyleClass().add(quarter == 0 ? "agenda-hour-line" : "agenda-quarter-line");
                line.getProperties().put("minute", t);
                line.setMouseTransparent(true);
                nodes.add(line);
            }
            Label label = new Label(messages.time(hour));
            label.getStyleClass().add("agenda-hour-label");
            label.getProperties().put("hourLabel", hour);
            nodes.add(label);
            if (hour.equals(scale.last())) {
                break;
            }
            hour = hour.plusHours(1);
        }
        for (int c = 0; c <= columns.size(); c++) {
            Region separator = new Region();
            separator.getStyleClass().add("agenda-column-line");
            separator.getProperties().put("separator", c);
            separator.setMouseTransparent(true);
            nodes.add(separator);
        }
        LocalDate today = LocalDate.now(clock);
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).date().equals(today)) {
                Region shade = new Region();
                shade.getStyleClass().add("agenda-today-column");
                shade.getProperties().put("shade", c);
                shade.setMouseTransparent(true);
                nodes.add(0, shade);
                LocalTime now = LocalTime.now(clock);
                if (!now.isBefore(scale.first()) && now.isBefore(scale.last())) {
                    Region line = new Region();
                    line.getStyleClass().add("agenda-now-line");
                    line.getProperties().put("now", c);
                    line.getProperties().put("minute", now);
                    line.setMouseTransparent(true);
                    nodes.add(line);
                }
            }
        }
        nodes.add(hoverSlot);
        for (AgendaItem item : items) {
            for (int c = 0; c < columns.size(); c++) {
                if (item.isIn(columns.get(c))) {
                    Block block = new Block(item, c);
                    block.pseudoSelected(item.appointment().id().equals(selectedId));
                    nodes.add(block);
                    break;
                }
            }
        }
        nodes.add(dragHint);
        body.getChildren().setAll(nodes);
        header.rebuild();
        body.setMinWidth(GUTTER + Math.max(1, columns.size()) * MIN_COLUMN_WIDTH);
        body.setPrefHeight(scale.height() + 24);
        body.requestLayout();
    }

    private double columnWidth() {
        return columns.isEmpty() ? 0 : Math.max(MIN_COLUMN_WIDTH, (body.getWidth() - GUTTER) / columns.size());
    }

    private int columnAt(double x) {
        if (columns.isEmpty()) {
            return -1;
        }
        int c = (int) Math.floor((x - GUTTER) / columnWidth());
        return Math.max(0, Math.min(columns.size() - 1, c));
    }

    private void onBodyClicked(MouseEvent event) {
        if (event.getButton() != MouseButton.PRIMARY || event.getClickCount() != 2 || columns.isEmpty()
                || event.getX() < GUTTER || isInBlock(event)) {
            return;
        }
        int c = columnAt(event.getX());
        LocalTime time = scale.time(event.getY() - 10, 15);
        listener.slotRequested(columns.get(c), time);
    }

    private boolean isInBlock(MouseEvent event) {
        Node target = (Node) event.getTarget();
        while (target != null && target != body) {
            if (target instanceof Block) {
                return true;
            }
            target = target.getParent();
        }
        return false;
    }

    private void onBodyHover(MouseEvent event) {
        if (columns.isEmpty() || event.getX() < GUTTER || drag != null || isInBlock(event)) {
            hoverSlot.setVisible(false);
            return;
        }
        int c = columnAt(event.getX());
        LocalTime time = scale.time(event.getY() - 10, 15);
        hoverSlot.getProperties().put("slot", new Placement(c, time));
        hoverSlot.setVisible(true);
        body.requestLayout();
    }

    /** The grid body, laid out by hand from the nodes' tags. */
    private final class Body extends Pane {

        Body() {
            getStyleClass().add("agenda-body");
        }

        @Override
        protected void layoutChildren() {
            double width = getWidth();
            double columnWidth = columnWidth();
            double gridRight = GUTTER + columnWidth * columns.size();
            for (Node node : getChildren()) {
                var tags = node.getProperties();
                if (node instanceof Block block) {
                    layoutBlock(block, columnWidth);
                } else if (tags.containsKey("now")) {
                    int c = (Integer) tags.get("now");
                    node.resizeRelocate(GUTTER + c * columnWidth, scale.y((LocalTime) tags.get("minute")) - 1,
                            columnWidth, 2);
                } else if (tags.containsKey("minute")) {
                    node.resizeRelocate(GUTTER, scale.y((LocalTime) tags.get("minute")), Math.max(0, gridRight - GUTTER), 1);
                } else if (tags.containsKey("hourLabel")) {
                    Label label = (Label) node;
                    double h = label.prefHeight(-1);
                    double y = scale.y((LocalTime) tags.get("hourLabel"));
                    node.resizeRelocate(4, Math.max(0, y - h / 2), GUTTER - 10, h);
                } else if (tags.containsKey("separator")) {
                    int c = (Integer) tags.get("separator");
                    node.resizeRelocate(GUTTER + c * columnWidth, 0, 1, scale.height());
                } else if (tags.containsKey("shade")) {
                    int c = (Integer) tags.get("shade");
                    node.resizeRelocate(GUTTER + c * columnWidth, 0, columnWidth, scale.height());
                } else if (node == hoverSlot && tags.get("slot") instanceof Placement slot) {
                    node.resizeRelocate(GUTTER + slot.column() * columnWidth + 2, scale.y(slot.start()), columnWidth - 4,
                            scale.height(15));
                } else if (node == dragHint) {
                    layoutDragHint(width);
                }
            }
        }

        private void layoutBlock(Block block, double columnWidth) {
            Placement placement = pendingMoves.getOrDefault(block.item.appointment().id(),
                    new Placement(block.column, block.item.startTime()));
            double height = Math.max(18, scale.height(block.item.minutes()) - 2);
            if (drag != null && drag.block == block && drag.moving && drag.target != null) {
                placement = drag.target;
            }
            block.resizeRelocate(GUTTER + placement.column() * columnWidth + 3, scale.y(placement.start()) + 1,
                    Math.max(10, columnWidth - 6), height);
        }

        private void layoutDragHint(double width) {
            if (drag == null || !drag.moving) {
                return;
            }
            double w = Math.min(320, dragHint.prefWidth(-1));
            double h = dragHint.prefHeight(w);
            Block block = drag.block;
            double x = Math.min(width - w - 4, block.getLayoutX() + 8);
            double y = block.getLayoutY() - h - 4;
            dragHint.resizeRelocate(Math.max(GUTTER, x), y < 0 ? block.getLayoutY() + block.getHeight() + 4 : y, w, h);
        }
    }

    /** The column headers, aligned with the body's columns. */
    private final class Header extends Pane {

        Header() {
            getStyleClass().add("agenda-header");
            setMinHeight(46);
            setPrefHeight(46);
        }

        void rebuild() {
            List<Node> cells = new ArrayList<>();
            LocalDate today = LocalDate.now(clock);
            boolean sameDay = columns.stream().map(AgendaColumn::date).distinct().count() <= 1;
            for (AgendaColumn column : columns) {
                Label title = new Label(sameDay ? column.room().name() : messages.shortDay(column.date()));
                title.getStyleClass().add("agenda-header-title");
                Label subtitle = new Label(sameDay ? messages.label(column.room().modality())
                        : column.room().name());
                subtitle.getStyleClass().add("agenda-header-subtitle");
                VBox cell = new VBox(1, title, subtitle);
                cell.setAlignment(Pos.CENTER_LEFT);
                cell.getStyleClass().add("agenda-header-cell");
                if (column.date().equals(today) && !sameDay) {
                    cell.getStyleClass().add("agenda-header-today");
                }
                cell.setOnMouseClicked(e -> listener.headerClicked(column));
                javafx.scene.control.Tooltip.install(cell, new javafx.scene.control.Tooltip(
                        sameDay ? messages.get("agenda.header.weekTip") : messages.get("agenda.header.dayTip")));
                cells.add(cell);
            }
            getChildren().setAll(cells);
            requestLayout();
        }

        @Override
        protected void layoutChildren() {
            double columnWidth = columnWidth();
            double hidden = Math.max(0, body.getWidth() - scroll.getViewportBounds().getWidth());
            double offset = -scroll.getHvalue() * hidden;
            for (int c = 0; c < getChildren().size(); c++) {
                getChildren().get(c).resizeRelocate(offset + GUTTER + c * columnWidth, 0, columnWidth, getHeight());
            }
        }
    }

    /**
     * One appointment: name and identity dot on the first line, time and exam on the second.
     * Plain text nodes cut by the block's clip: a day shows hundreds of blocks, and labels
     * (skins, ellipsis) would make the layout pass several times slower.
     */
    private final class Block extends Region {
        private static final double LINE = 14;
        final AgendaItem item;
        final int column;
        private final Text name;
        private final Text detail;
        private final Label badge;
        private final javafx.scene.shape.Rectangle nameClip = new javafx.scene.shape.Rectangle();

        Block(AgendaItem item, int column) {
            this.item = item;
            this.column = column;
            getStyleClass().addAll("agenda-block", item.appointment().status() == AppointmentStatus.ARRIVED
                    ? "agenda-block-arrived" : "agenda-block-booked");
            name = new Text(PatientNames.display(item.patient()));
            name.getStyleClass().add("agenda-block-name");
            name.setTextOrigin(VPos.TOP);
            badge = IdentityBadge.dot(item.patient(), messages);
            detail = new Text(messages.time(item.start()) + " · " + item.exam().label());
            detail.getStyleClass().add("agenda-block-detail");
            detail.setTextOrigin(VPos.TOP);
            name.setClip(nameClip);
            getChildren().addAll(name, detail, badge);
            setId("appointment-" + item.appointment().id());
            setMinSize(0, 0);
            javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
            clip.widthProperty().bind(widthProperty());
            clip.heightProperty().bind(heightProperty());
            setClip(clip);
            setOnMousePressed(this::pressed);
            setOnMouseDragged(this::dragged);
            setOnMouseReleased(this::released);
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && e.isStillSincePress()) {
                    listener.opened(item);
                }
                e.consume();
            });
            setAccessibleText(PatientNames.display(item.patient()) + ", " + messages.time(item.start()) + ", "
                    + item.exam().label());
        }

        @Override
        protected void layoutChildren() {
            double left = snappedLeftInset();
            double top = snappedTopInset();
            double width = getWidth() - left - snappedRightInset();
            double badgeWidth = badge.prefWidth(-1);
            badge.resizeRelocate(left + width - badgeWidth, top, badgeWidth, 16);
            name.relocate(left, top + 1);
            detail.relocate(left, top + LINE + 2);
            // The name stops before the dot; the block's clip cuts the detail line.
            nameClip.setWidth(Math.max(0, width - badgeWidth - 4));
            nameClip.setHeight(LINE + 2);
        }

        void pseudoSelected(boolean selected) {
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), selected);
        }

        private void pressed(MouseEvent event) {
            if (event.getButton() != MouseButton.PRIMARY) {
                return;
            }
            drag = new Drag(this, event);
            event.consume();
        }

        private void dragged(MouseEvent event) {
            if (drag == null || drag.block != this) {
                return;
            }
            double dx = event.getSceneX() - drag.pressX;
            double dy = event.getSceneY() - drag.pressY;
            if (!drag.moving && Math.hypot(dx, dy) < DRAG_THRESHOLD) {
                return;
            }
            if (!drag.moving) {
                drag.moving = true;
                toFront();
                dragHint.toFront();
                hoverSlot.setVisible(false);
                getStyleClass().add("agenda-block-dragging");
            }
            int c = columnAt(drag.startX + dx + getWidth() / 2);
            LocalTime start = scale.time(drag.startY + dy, item.minutes());
            drag.target = new Placement(c, start);
            Optional<String> problem = listener.dropProblem(item, columns.get(c), start);
            getStyleClass().removeAll("agenda-drop-ok", "agenda-drop-refused");
            getStyleClass().add(problem.isPresent() ? "agenda-drop-refused" : "agenda-drop-ok");
            dragHint.getStyleClass().removeAll("agenda-drop-ok", "agenda-drop-refused");
            dragHint.getStyleClass().add(problem.isPresent() ? "agenda-drop-refused" : "agenda-drop-ok");
            dragHint.setText(problem.orElseGet(() -> messages.format("agenda.drop.target", messages.time(start),
                    messages.time(start.plusMinutes(item.minutes())), columns.get(c).room().name(),
                    messages.shortDay(columns.get(c).date()))));
            dragHint.setVisible(true);
            body.requestLayout();
            event.consume();
        }

        private void released(MouseEvent event) {
            Drag finished = drag;
            drag = null;
            dragHint.setVisible(false);
            getStyleClass().removeAll("agenda-block-dragging", "agenda-drop-ok", "agenda-drop-refused");
            if (finished == null || finished.block != this) {
                return;
            }
            if (finished.moving && finished.target != null) {
                Placement target = finished.target;
                boolean unchanged = target.column() == column && target.start().equals(item.startTime());
                if (!unchanged) {
                    pendingMoves.put(item.appointment().id(), target);
                    getStyleClass().add("agenda-block-pending");
                    listener.moved(item, columns.get(target.column()), target.start());
                }
            } else {
                listener.selected(item);
            }
            event.consume();
            if (dirty) {
                rebuild();
            } else {
                body.requestLayout();
            }
        }
    }
}
