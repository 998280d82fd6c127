package vn.vnn.kit.paging;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import java.util.ArrayList;
import java.util.List;

/** Builds list responses: the {@link Page} envelope plus RFC 8288 {@code Link} headers (first, prev, next, last). */
public final class PagedResponses {

    private PagedResponses() {
    }

    public static <T> Response ok(UriInfo uriInfo, Page<T> page) {
        List<Link> links = new ArrayList<>();
        int last = Math.max(page.totalPages() - 1, 0);
        links.add(link(uriInfo, 0, page.size(), "first"));
        if (page.page() > 0) {
            links.add(link(uriInfo, Math.min(page.page() - 1, last), page.size(), "prev"));
        }
        if (page.page() < last) {
            links.add(link(uriInfo, page.page() + 1, page.size(), "next"));
        }
        links.add(link(uriInfo, last, page.size(), "last"));
        return Response.ok(page).links(links.toArray(Link[]::new)).build();
    }

    private static Link link(UriInfo uriInfo, int page, int size, String rel) {
        UriBuilder uri = uriInfo.getRequestUriBuilder()
                .replaceQueryParam("page", page)
                .replaceQueryParam("size", size);
        return Link.fromUriBuilder(uri).rel(rel).build();
    }
}
