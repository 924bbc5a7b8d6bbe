package dev.modelarts.local.resources;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import dev.modelarts.local.api.IamApi;
import dev.modelarts.local.api.model.KeystoneLinks;
import dev.modelarts.local.api.model.KeystoneProject;
import dev.modelarts.local.api.model.KeystoneProjectList;
import dev.modelarts.local.auth.Credentials;
import dev.modelarts.local.auth.Principal;

/**
 * IAM's KeystoneListProjects, as far as the official SDKs use it: given an AK/SK without a
 * project id, they ask {@code GET /v3/projects?name={region}} for the project of that region.
 * Huawei Cloud names a project after its region, so {@code name} filters by region.
 */
public final class IamResource implements IamApi {

    /** The account (domain) every project here belongs to. */
    static final String DOMAIN = "modelarts-local";

    private final Credentials credentials;

    @Context
    private SecurityContext security;

    @Context
    private UriInfo uri;

    public IamResource(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public KeystoneProjectList keystoneListProjects(String name, String domainId, Boolean enabled) {
        Principal principal = (Principal) security.getUserPrincipal();
        String base = uri.getBaseUri().toString().replaceAll("/$", "");
        List<KeystoneProject> projects = credentials.projectsOf(principal).entrySet().stream()
                .filter(p -> name == null || name.equals(p.getValue()))
                .filter(p -> domainId == null || DOMAIN.equals(domainId))
                .filter(p -> enabled == null || enabled)
                .map(p -> project(p, base))
                .toList();
        String query = uri.getRequestUri().getRawQuery();
        return new KeystoneProjectList(projects, new KeystoneLinks(base + "/v3/projects" + (query == null ? "" : "?" + query)));
    }

    private static KeystoneProject project(Map.Entry<String, String> project, String base) {
        KeystoneProject view = new KeystoneProject(project.getKey(), project.getValue(), DOMAIN, true, false,
                new KeystoneLinks(base + "/v3/projects/" + project.getKey()));
        view.setDescription("");
        view.setParentId(DOMAIN);
        return view;
    }
}
