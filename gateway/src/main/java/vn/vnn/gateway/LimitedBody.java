package vn.vnn.gateway;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.ReadStream;

/**
 * The caller's request body as it arrives, passed on chunk by chunk (never held whole), that fails once more than
 * {@code limit} bytes came: a body without a declared length cannot be checked up front.
 */
final class LimitedBody implements ReadStream<Buffer> {

    private final HttpServerRequest request;
    private final long limit;
    private long received;
    private boolean exceeded;
    private Handler<Throwable> exceptionHandler;

    LimitedBody(HttpServerRequest request, long limit) {
        this.request = request;
        this.limit = limit;
    }

    boolean exceeded() {
        return exceeded;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        exceptionHandler = handler;
        request.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            request.handler(null);
            return this;
        }
        request.handler(chunk -> {
            if (exceeded) {
                return;
            }
            received += chunk.length();
            if (received > limit) {
                exceeded = true;
                request.pause();
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new IllegalStateException("request body over " + limit + " bytes"));
                }
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        request.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        if (!exceeded) {
            request.resume();
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        if (!exceeded) {
            request.fetch(amount);
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        request.endHandler(endHandler);
        return this;
    }
}
