package vn.vnn.localstack;

/** A part of the stack that runs as a process of its own, which the {@link Supervisor} brings back when it dies. */
interface Supervised extends AutoCloseable {

    boolean isAlive();

    /** Its process id while it runs. */
    long pid();

    /** How it ended, for the supervisor's log: its exit code, or the signal that killed it. */
    String exitDescription();

    /** Where its output goes. */
    String logHint();

    @Override
    void close();
}
