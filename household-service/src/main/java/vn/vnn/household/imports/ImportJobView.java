package vn.vnn.household.imports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(description = "A bulk import and its progress. Households are decided one by one: created, unchanged (already "
        + "registered under the same commune and household_ref) or rejected (see the error report).")
public record ImportJobView(UUID id, String status, String fileName, String format, String submittedBy,
                            OffsetDateTime submittedAt, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                            @Schema(description = "Data rows in the file, once counted") Integer rowsTotal,
                            @Schema(description = "Data rows decided so far") int rowsDone,
                            @Schema(description = "rowsDone of rowsTotal, 0–100") int progressPercent,
                            int householdsCreated, int householdsUnchanged, int householdsRejected, long errorCount,
                            String failure, String contentSha256,
                            @Schema(description = "When the uploaded file was deleted (kept for "
                                    + "vnn.import.file-retention after the job finished); the job, its report and "
                                    + "the file's hash stay") OffsetDateTime fileDeletedAt) {

    public static ImportJobView of(ImportJob result) {
        HouseholdImport job = result.job();
        long errorCount = result.errorCount();
        int percent = job.status == HouseholdImport.Status.COMPLETED ? 100
                : job.rowsTotal == null || job.rowsTotal == 0 ? 0 : (int) (100L * job.rowsDone / job.rowsTotal);
        return new ImportJobView(job.id, job.status.name(), job.fileName, job.format.name(), job.submittedBy,
                job.submittedAt, job.startedAt, job.finishedAt, job.rowsTotal, job.rowsDone, percent,
                job.householdsCreated, job.householdsUnchanged, job.householdsRejected, errorCount, job.failure,
                job.contentSha256, job.contentDeletedAt);
    }
}
