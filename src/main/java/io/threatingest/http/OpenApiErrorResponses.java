package io.threatingest.http;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Adds the answers every API operation can give (401, 406, 429, 500, 503; and 413 and 415 for operations that
 * take a body) with the uniform error body, and the {@code x-error} / {@code x-error-id} headers to every error
 * answer, so that the resources document only what is particular to them. An operation that answers in a media
 * type of its own (a {@link PathFamily}'s) is left to that family's filter, which calls {@link #declare} with its
 * {@link ErrorMedia}. {@code OpenApiAnswersTest} provokes each kind of answer on each operation and fails on one the
 * document does not declare. Runs at build time: the stored document is final, and start-up does not pay for
 * filtering it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiErrorResponses implements OASFilter {

    /** How an operation's error answers are written: media type, its name in descriptions, the schema. */
    public record ErrorMedia(String type, String name, String schema) {
    }

    public static final ErrorMedia JSON = new ErrorMedia("application/json", "JSON", "#/components/schemas/Error");

    @Override
    public PathItem filterPathItem(PathItem pathItem) {
        for (Map.Entry<PathItem.HttpMethod, Operation> entry : pathItem.getOperations().entrySet()) {
            APIResponses responses = entry.getValue().getResponses();
            if (responses != null && documentsErrors(responses) && answersJson(responses)) {
                declare(entry.getKey(), entry.getValue(), JSON);
            }
        }
        return pathItem;
    }

    /** Declares the answers any operation can give, in this media. */
    public static void declare(PathItem.HttpMethod method, Operation operation, ErrorMedia media) {
        APIResponses responses = operation.getResponses();
        responses.addAPIResponse("401", errorAnswer("No, invalid or ambiguous credentials; see WWW-Authenticate.",
                media));
        responses.addAPIResponse("406", errorAnswer("The Accept header admits no " + media.name() + " answer.",
                media));
        responses.addAPIResponse("429", errorAnswer(
                "Rate limit of this caller reached; see Retry-After and the RateLimit headers.", media));
        responses.addAPIResponse("500", errorAnswer("Unexpected failure; quote x-error-id to support.", media));
        if (operation.getRequestBody() != null) {
            responses.addAPIResponse("413", errorAnswer(
                    "The body is over the size limit (ingest.limits.max-body-size).", media));
            responses.addAPIResponse("415", errorAnswer("The body is not " + media.type() + ".", media));
        }
        responses.addAPIResponse("503", errorAnswer(method == PathItem.HttpMethod.POST
                ? "The broker cannot take it now, the state backend cannot be asked (scans, Idempotency-Key), "
                        + "too many large bodies are in progress (ingest.limits.max-body-bytes-in-progress), "
                        + "or the service is shutting down; nothing was acknowledged. See Retry-After."
                : "The service is shutting down; retry on another instance. See Retry-After.", media));
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                addErrorHeaders(response);
            }
        });
    }

    /** An error answer with this description, in this media, with the error headers. */
    public static APIResponse errorAnswer(String description, ErrorMedia media) {
        return addErrorHeaders(OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType(media.type(),
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(media.schema())))));
    }

    /** Only the API's own operations document a 400 or 403 with the error body. */
    private static boolean documentsErrors(APIResponses responses) {
        return responses.getAPIResponse("403") != null || responses.getAPIResponse("400") != null;
    }

    /** No success answer in a media type other than JSON. */
    private static boolean answersJson(APIResponses responses) {
        return responses.getAPIResponses().entrySet().stream()
                .filter(answer -> answer.getKey().startsWith("2") && answer.getValue().getContent() != null
                        && answer.getValue().getContent().getMediaTypes() != null)
                .allMatch(answer -> answer.getValue().getContent().getMediaTypes().keySet().stream()
                        .allMatch(type -> type.startsWith(JSON.type())));
    }

    private static APIResponse addErrorHeaders(APIResponse response) {
        return response.addHeader("x-error", stringHeader("Readable description of the error"))
                .addHeader("x-error-id", stringHeader("Unique id of this occurrence"));
    }

    private static Header stringHeader(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }
}
