package vn.vnn.kit.text;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field of prose written by a person (a note, a reason, a comment, a description): it may hold line breaks and
 * tabs, and up to {@link TextInput#FREE_TEXT_MAX_LENGTH} characters. Every other text field is one line of at most
 * {@link TextInput#LINE_MAX_LENGTH}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface FreeText {
}
