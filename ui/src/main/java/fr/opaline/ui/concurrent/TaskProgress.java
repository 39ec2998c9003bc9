package fr.opaline.ui.concurrent;

/** What long work sees of its task: progress reporting and cancellation. */
public interface TaskProgress {

    /** @param fraction between 0 and 1, or a negative number when unknown */
    void update(double fraction, String message);

    boolean isCancelled();
}
