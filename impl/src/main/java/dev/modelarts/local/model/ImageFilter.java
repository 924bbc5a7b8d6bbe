package dev.modelarts.local.model;

import java.util.Objects;

import dev.modelarts.local.api.model.ImageStatus;
import dev.modelarts.local.api.model.ServiceType;

/**
 * What an image listing asks for: what a group listing asks for (the images' groups), plus what
 * only images know. Absent filters are null.
 *
 * @param groups      the filters the groups know; its {@code swrInstanceId} is not used
 * @param serviceType exact service type
 * @param showName    exact display name
 * @param showTag     exact display tag
 * @param status      exact status
 */
public record ImageFilter(GroupFilter groups, ServiceType serviceType, String showName, String showTag,
        ImageStatus status) {

    public ImageFilter {
        Objects.requireNonNull(groups, "groups");
    }

    public ImageFilter(GroupFilter groups, ServiceType serviceType, String showName, String showTag) {
        this(groups, serviceType, showName, showTag, null);
    }

    /** Whether the filter asks only what the groups know, so that they can count its images. */
    public boolean onlyGroupFilters() {
        return serviceType == null && showName == null && showTag == null && status == null;
    }
}
