package org.footdrop.support.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/** Reads the revision a client expects from {@code If-Match} ({@code "3"}, {@code 3} or {@code W/"3"}). */
public final class IfMatch {

    private static final Pattern ETAG = Pattern.compile("(?:W/)?\"?([1-9][0-9]{0,8})\"?");

    private IfMatch() {}

    /** The expected revision; 428 when required and absent, 400 when not a revision. */
    public static Integer revision(String ifMatch, boolean required) {
        if (ifMatch == null || ifMatch.isBlank()) {
            if (required) {
                throw new ClinicalProblemException(
                        HttpStatus.PRECONDITION_REQUIRED,
                        ProblemTypes.STALE_REVISION,
                        "Send If-Match with the revision you are correcting (its ETag)",
                        List.of(new FieldProblem("If-Match", "required")));
            }
            return null;
        }
        Matcher matcher = ETAG.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw ClinicalProblemException.invalid(List.of(
                    new FieldProblem("If-Match", "must be the record's ETag, a revision number such as \"2\"")));
        }
        return Integer.parseInt(matcher.group(1));
    }
}
