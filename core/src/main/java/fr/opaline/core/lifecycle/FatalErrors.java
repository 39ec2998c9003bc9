package fr.opaline.core.lifecycle;

/**
 * A process of Opaline never keeps running after an {@link OutOfMemoryError}: a server that lost
 * a thread half-way through a write, or whose pool can no longer allocate, can damage its data and
 * answer wrongly. The launchers start Java with {@code -XX:+ExitOnOutOfMemoryError} (which also
 * covers errors caught by libraries); this handler is the second line for a process started
 * without it: an OutOfMemoryError that ends a thread halts the JVM at once, with the same exit
 * code (3), so that the service manager (systemd {@code Restart=on-failure}) starts it again.
 */
public final class FatalErrors {

    /** What {@code -XX:+ExitOnOutOfMemoryError} exits with. */
    public static final int OUT_OF_MEMORY_EXIT = 3;

    private FatalErrors() {
    }

    public static void install() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (isOutOfMemory(error)) {
                try {
                    System.err.println("Mémoire épuisée (OutOfMemoryError dans " + thread.getName()
                            + ") : arrêt immédiat d'Opaline pour protéger la base ; le service redémarrera.");
                    System.err.flush();
                } finally {
                    Runtime.getRuntime().halt(OUT_OF_MEMORY_EXIT);
                }
            }
            if (previous != null) {
                previous.uncaughtException(thread, error);
            } else {
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                error.printStackTrace();
            }
        });
    }

    static boolean isOutOfMemory(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }
}
