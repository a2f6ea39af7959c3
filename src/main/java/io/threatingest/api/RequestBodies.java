package io.threatingest.api;

import io.threatingest.api.dto.EntityRefRequest;
import io.threatingest.http.error.ApiException;
import io.threatingest.http.error.ErrorKind;
import io.threatingest.service.EntityRef;

/** Small conversions shared by the resources. */
final class RequestBodies {

    private RequestBodies() {
    }

    static <T> T required(T body) {
        if (body == null) {
            throw new ApiException(ErrorKind.BODY_REQUIRED, "send a JSON object", "");
        }
        return body;
    }

    static EntityRef ref(EntityRefRequest request) {
        return request == null ? null : new EntityRef(request.type(), request.value());
    }
}
