package fr.opaline.ui.concurrent;

/** Work done off the FX thread. It reports progress and stops early when cancelled. */
@FunctionalInterface
public interface Work<T> {

    T run(TaskProgress progress) throws Exception;
}
