package vn.vnn.kit.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code ?page=&size=} of every list endpoint: page from 0, size 1–100 (default 20). Use with {@code @BeanParam @Valid}. */
public class PageRequest {

    public static final int MAX_SIZE = 100;
    /** Deepest page: page × size must stay a valid offset (an int); nobody pages a million pages deep. */
    public static final int MAX_PAGE = 1_000_000;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "must be between 0 and 1000000")
    @Max(value = MAX_PAGE, message = "must be between 0 and 1000000")
    @Parameter(description = "Page number, from 0 (at most 1,000,000)")
    int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(value = 1, message = "must be between 1 and 100")
    @Max(value = MAX_SIZE, message = "must be between 1 and 100")
    @Parameter(description = "Items per page, 1 to 100")
    int size = 20;

    public PageRequest() {
    }

    public PageRequest(int page, int size) {
        this.page = page;
        this.size = size;
    }

    public int page() {
        return page;
    }

    public int size() {
        return size;
    }

    public int offset() {
        return Math.multiplyExact(page, size);
    }
}
