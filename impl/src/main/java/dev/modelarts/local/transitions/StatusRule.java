package dev.modelarts.local.transitions;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.modelarts.local.api.model.ImageStatus;
import dev.modelarts.local.api.model.TransitionRule;
import dev.modelarts.local.api.model.TransitionRule.OperationEnum;
import dev.modelarts.local.errors.ApiException;
import dev.modelarts.local.errors.ErrorCode;
import dev.modelarts.local.model.Transition;

/**
 * A checked status-transition rule: what it matches (null: anything) and the path and pace it
 * gives. {@link #check} is the one place that says what a rule may be.
 *
 * @param swrPath a glob: {@code *} any run of characters, {@code ?} one
 */
record StatusRule(String id, Pattern swrPath, String projectId, Transition.Kind kind, List<ImageStatus> path,
        Integer polls, Long stepMs, String statusMessage) {

    private static final Set<ImageStatus> FIRST = Set.of(ImageStatus.INIT, ImageStatus.CREATING);
    private static final Set<ImageStatus> LAST = Set.of(ImageStatus.ACTIVE, ImageStatus.CREATE_FAILED, ImageStatus.ERROR);

    /** Checks a rule as the API took it; throws the 400 that names what is wrong. */
    static StatusRule check(String id, TransitionRule given) {
        Transition.Kind kind = given.getOperation() == OperationEnum.DELETE_IMAGE ? Transition.Kind.DELETE
                : Transition.Kind.REGISTER;
        List<ImageStatus> path = given.getPath() == null ? List.of() : List.copyOf(given.getPath());
        if (kind == Transition.Kind.DELETE) {
            if (path.isEmpty()) {
                path = List.of(ImageStatus.DELETED);
            } else if (!path.equals(List.of(ImageStatus.DELETED))) {
                throw invalid("path", "a DeleteImage rule's path is [DELETED], after which the image is gone");
            }
        } else {
            if (path.size() < 2) {
                throw invalid("path", "a RegisterImage rule's path has at least two statuses,"
                        + " the first INIT or CREATING, the last ACTIVE, CREATE_FAILED or ERROR");
            }
            if (!FIRST.contains(path.get(0))) {
                throw invalid("path", "the first status must be INIT or CREATING, not " + path.get(0));
            }
            if (!LAST.contains(path.get(path.size() - 1))) {
                throw invalid("path", "the last status must be ACTIVE, CREATE_FAILED or ERROR, not "
                        + path.get(path.size() - 1));
            }
            for (int i = 1; i < path.size() - 1; i++) {
                if (!FIRST.contains(path.get(i))) {
                    throw invalid("path", "a status between the first and the last must be INIT or CREATING, not "
                            + path.get(i));
                }
            }
        }
        if ((given.getPolls() == null) == (given.getSeconds() == null)) {
            throw invalid("polls", "give exactly one of 'polls' and 'seconds'");
        }
        Long stepMs = given.getSeconds() == null ? null : Math.round(given.getSeconds() * 1000);
        if (stepMs != null && stepMs < 1) {
            throw invalid("seconds", "must be at least 0.001");
        }
        Pattern glob = given.getSwrPath() == null ? null : glob(given.getSwrPath());
        return new StatusRule(id, glob, given.getProjectId(), kind, path, given.getPolls(), stepMs,
                given.getStatusMessage());
    }

    /** Whether a registration (or deletion) of {@code swr} in {@code project} is one it matches. */
    boolean matches(Transition.Kind requestKind, String project, String swr) {
        return kind == requestKind && (projectId == null || projectId.equals(project))
                && (swrPath == null || swrPath.matcher(swr).matches());
    }

    /** The transition it gives an image, starting at {@code now}. */
    Transition start(String imageId, long now) {
        return new Transition(imageId, kind, path, polls, stepMs, statusMessage, now, 0);
    }

    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static ApiException invalid(String field, String why) {
        return new ApiException(ErrorCode.PARAMETER_ERROR,
                "Parameter error: transition rule '" + field.toLowerCase(Locale.ROOT) + "' " + why + ".");
    }
}
