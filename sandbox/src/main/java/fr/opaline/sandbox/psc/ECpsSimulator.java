package fr.opaline.sandbox.psc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Stands for the professional's phone: decides on each CIBA request, like the e-CPS application.
 * {@code AUTO} approves after a delay, {@code DENY} refuses, {@code PROMPT} asks on the console
 * (o/n), {@code MANUAL} waits for a click on the sandbox's {@code /ecps} page or a test's call.
 */
public final class ECpsSimulator {

    public enum Mode {
        AUTO, DENY, PROMPT, MANUAL;

        public static Mode parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "auto" -> AUTO;
                case "deny", "refus" -> DENY;
                case "prompt", "console" -> PROMPT;
                case "manual", "manuel" -> MANUAL;
                default -> throw new IllegalArgumentException("mode d'approbation e-CPS inconnu : " + text
                        + " (auto, deny, prompt, manual)");
            };
        }
    }

    private final Mode mode;
    private final Duration delay;
    private final PrintStream console;
    private final InputStream keyboard;
    private final List<String> prompted = new ArrayList<>();
    private BiConsumer<String, Boolean> decide;
    private ScheduledExecutorService timer;
    private Thread reader;

    public ECpsSimulator(Mode mode, Duration delay, PrintStream console, InputStream keyboard) {
        this.mode = mode;
        this.delay = delay;
        this.console = console;
        this.keyboard = keyboard;
    }

    public Mode mode() {
        return mode;
    }

    void start(ScheduledExecutorService timer, BiConsumer<String, Boolean> decide) {
        this.timer = timer;
        this.decide = decide;
        if (mode == Mode.PROMPT) {
            reader = new Thread(this::readAnswers, "sandbox-ecps-console");
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** A new request reached the phone of {@code who}. */
    void requested(String ref, String who, String bindingMessage) {
        switch (mode) {
            case AUTO -> timer.schedule(() -> decide.accept(ref, true), delay.toMillis(), TimeUnit.MILLISECONDS);
            case DENY -> timer.schedule(() -> decide.accept(ref, false), delay.toMillis(), TimeUnit.MILLISECONDS);
            case PROMPT -> {
                synchronized (prompted) {
                    prompted.add(ref);
                }
                console.println("[e-CPS bac à sable] " + who + " : demande de connexion, code « " + bindingMessage
                        + " ». Approuver ? (o/n)");
                console.flush();
            }
            case MANUAL -> { }
        }
    }

    private void readAnswers() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(keyboard, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String answer = line.trim().toLowerCase(Locale.ROOT);
                if (!answer.startsWith("o") && !answer.startsWith("y") && !answer.startsWith("n")) {
                    continue;
                }
                String ref;
                synchronized (prompted) {
                    ref = prompted.isEmpty() ? null : prompted.remove(0);
                }
                if (ref == null) {
                    console.println("[e-CPS bac à sable] aucune demande en attente.");
                } else {
                    decide.accept(ref, !answer.startsWith("n"));
                    console.println("[e-CPS bac à sable] " + (answer.startsWith("n") ? "refusée." : "approuvée."));
                }
            }
        } catch (IOException e) {
            // console closed: decisions can still be made on the /ecps page
        }
    }
}
