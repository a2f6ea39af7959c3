package io.threatingest.api;

import java.util.List;

import io.threatingest.api.dto.AssociationRequest;
import io.threatingest.api.dto.EntityRequest;
import io.threatingest.domain.AssociationSubmission;
import io.threatingest.domain.EntitySubmission;

/** From the HTTP request records to the domain's submission records. */
final class SubmissionMapper {

    private SubmissionMapper() {
    }

    static EntitySubmission toDomain(EntityRequest request) {
        return new EntitySubmission(request.type(), request.attributes(), associations(request.associations()),
                request.reputation(), request.correlate(), request.tags(), request.visibleBy());
    }

    private static EntitySubmission toDomain(AssociationRequest request) {
        return new EntitySubmission(request.type(), request.attributes(), associations(request.associations()),
                request.reputation(), request.correlate(), request.tags(), request.visibleBy());
    }

    private static List<AssociationSubmission> associations(List<AssociationRequest> requests) {
        if (requests == null) {
            return null;
        }
        return requests.stream()
                .map(a -> a == null ? null : new AssociationSubmission(a.mode(), toDomain(a)))
                .toList();
    }
}
