package vn.vnn.kit.sql;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one class that reads and writes a family of tables with set-wise SQL (as {@code Ledger} does for the
 * ledger). Rows come back as {@code Object[]} only inside such a class, which hands out typed records; the services'
 * architecture tests refuse {@code Object[]} anywhere else.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TableOwner {

    /** The tables the class owns. */
    String[] value();
}
