package vn.vnn.localstack;

/** A supervised part that is one child process of the stack (a service, Keycloak). */
abstract class ProcessPart implements Supervised {

    protected final ManagedProcess process;

    ProcessPart(ManagedProcess process) {
        this.process = process;
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public String exitDescription() {
        return process.exitDescription();
    }

    @Override
    public String logHint() {
        return process.logFile().toString();
    }

    @Override
    public void close() {
        process.close();
    }
}
