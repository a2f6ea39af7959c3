package io.threatingest.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.threatingest.api.dto.BatchResponse;
import io.threatingest.api.dto.ExtractResponse;
import io.threatingest.api.dto.ScreenedParam;
import io.threatingest.config.IngestConfig;
import io.threatingest.extract.FoundIndicator;
import io.threatingest.extract.TextMapper;
import io.threatingest.extract.TextMapper.Extraction;
import io.threatingest.extract.TextMapper.Found;
import io.threatingest.http.BooleanQueryParam;
import io.threatingest.http.CallerResolver;
import io.threatingest.http.SubmissionVerdict;
import io.threatingest.http.error.ApiException;
import io.threatingest.http.error.ErrorBody;
import io.threatingest.http.error.ErrorKind;
import io.threatingest.http.error.ErrorResponses;
import io.threatingest.security.Roles;
import io.threatingest.service.BatchItemError;
import io.threatingest.service.Caller;
import io.threatingest.service.IntakeOptions;
import io.threatingest.service.IntakeReport;
import io.threatingest.service.IntakeService;
import io.threatingest.service.ObjectOutcome;
import io.threatingest.service.ObjectOutcome.Status;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

@Path("/api/ingest/v1/extract")
@Tag(name = "Intelligence documents")
@Produces(MediaType.APPLICATION_JSON)
public class ExtractResource {

    static final String EXAMPLE = """
            Yesterday's phishing wave used hxxps://login-example[.]com/verify and mail from billing[@]example[.]net;
            the payload (SHA-256 0f343b0931126a20f133d67c2b018a3b5e3f1b3c2a3ad0e6e4a6c8f3d5b3c1a2) called 198.51.100[.]7.
            """;

    private static final String DESCRIPTION = "Finds the indicators in a text (a report, a paste), defanged ones "
            + "included, by the rules in docs/extraction.md, in time linear in its length. Without submit the answer "
            + "is a dry run (200): each distinct value once with its type, where it occurs, its entity ID, and "
            + "whether it passes its type's validation. With submit=true the valid ones are published as one batch "
            + "(202 when anything was published, 400 when indicators were found but none is valid, 503 when the "
            + "broker took none); a text without indicators is answered 200 with an empty list.";

    private final IntakeService intake;
    private final CallerResolver callers;
    private final TextMapper mapper = new TextMapper();
    private final Duration retryAfter;
    private final ObjectMapper json;

    public ExtractResource(IntakeService intake, CallerResolver callers, IngestConfig config, ObjectMapper json) {
        this.intake = intake;
        this.callers = callers;
        this.json = json;
        this.retryAfter = config.publish().retryAfter();
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @RolesAllowed(Roles.REPORTER)
    @Operation(operationId = "extractIndicators", summary = "Find (and ingest) the indicators in a text", description = DESCRIPTION)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(implementation = String.class), examples = @ExampleObject(name = "a paste", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "What was found (no submit, or nothing found).", content = @Content(schema = @Schema(implementation = ExtractResponse.class)))
    @APIResponse(responseCode = "202", description = "submit=true: something was published; the broker holds it.", content = @Content(schema = @Schema(implementation = ExtractResponse.class)))
    @APIResponse(responseCode = "400", description = "Not text in its charset, a bad parameter, or submit=true and no found indicator is valid.", content = @Content(schema = @Schema(implementation = ExtractResponse.class)))
    @APIResponse(responseCode = "403", description = "Missing role `reporter`.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "submit=true and the broker took nothing; retry.", content = @Content(schema = @Schema(implementation = ExtractResponse.class)))
    public Uni<Response> extract(RoutingContext routing, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
            @Parameter(description = "Publish the valid indicators (default: only report them).") @QueryParam("submit") String submit,
            @Parameter(description = "Reputation of every submitted indicator, -3 (worst) to 3 (default 0).") @QueryParam("reputation") String reputation,
            @Parameter(description = "A tag for every submitted indicator; repeat for more.") @QueryParam("tag") List<String> tags,
            @Parameter(description = ScreenParam.DESCRIPTION) @QueryParam("screen") String screen) {
        boolean publish = BooleanQueryParam.parse("submit", submit);
        Integer rating = reputation(reputation);
        IntakeOptions options = new IntakeOptions(!publish, false, tags, null, callers.screen(screen));
        Caller caller = callers.current();
        Buffer body = routing.body().buffer();
        return intake.receive(() -> mapper.map(decode(body, type), rating), Extraction::conversion, caller, options,
                received -> answer(received.document().found(), received.report(), publish));
    }

    private Response answer(List<Found> found, IntakeReport report, boolean publish) {
        List<ExtractResponse.Indicator> indicators = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            FoundIndicator first = found.get(i).first();
            ObjectOutcome outcome = report.objects().get(i);
            BatchItemError error = outcome.error();
            indicators.add(new ExtractResponse.Indicator(first.type(), first.value(), first.found(),
                    List.copyOf(found.get(i).at()), outcome.status().wireName(),
                    outcome.ids().isEmpty() ? null : outcome.ids().get(0),
                    outcome.submissionIds().isEmpty() ? null : outcome.submissionIds().get(0),
                    error == null
                            ? null
                            : new BatchResponse.ItemError(error.message(), null,
                                    error.kind().code()),
                    ScreenedParam.of(outcome.screened())));
        }
        int accepted = (int) report.count(Status.ACCEPTED);
        int rejected = (int) report.count(Status.REJECTED);
        int unavailable = (int) report.count(Status.UNAVAILABLE);
        SubmissionVerdict verdict = SubmissionVerdict.of(accepted, unavailable, rejected);
        // a preview (submit=false) and a text without indicators answer 200, whatever was found
        if (!publish || verdict == SubmissionVerdict.NOTHING) {
            return Response.ok(JsonBytes.of(json,
                    new ExtractResponse(null, publish, accepted, rejected, unavailable, indicators)))
                    .type(MediaType.APPLICATION_JSON_TYPE).build();
        }
        if (verdict == SubmissionVerdict.ACCEPTED) {
            return Response.status(verdict.status(false)).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(JsonBytes.of(json, new ExtractResponse(null, true, accepted, rejected, unavailable,
                            indicators)))
                    .build();
        }
        Response error = verdict == SubmissionVerdict.BROKER_TOOK_NONE
                ? ErrorResponses.build(verdict.error(),
                        "the broker took none of the " + unavailable + " valid indicators", null, retryAfter, null)
                : ErrorResponses.build(verdict.error(), "none of the " + rejected
                        + " indicators found is valid; the first: " + indicators.get(0).error().message(), null, null,
                        null);
        return ErrorResponses.reporting(error,
                detail -> JsonBytes.of(json, new ExtractResponse(detail, true, accepted, rejected, unavailable,
                        indicators)));
    }

    private static Integer reputation(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorKind.INVALID_QUERY_PARAMETER,
                    "reputation must be an integer from -3 to 3, not '" + value + "'", "reputation");
        }
    }

    /** The body in the charset its Content-Type names (UTF-8 when none); bytes that are not text are a 400. */
    private static String decode(Buffer body, MediaType type) {
        if (body == null || body.length() == 0) {
            throw new ApiException(ErrorKind.BODY_REQUIRED, "send the text to search", "");
        }
        Charset charset = StandardCharsets.UTF_8;
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name != null) {
            try {
                charset = Charset.forName(name);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new ApiException(ErrorKind.UNSUPPORTED_MEDIA_TYPE, "unknown charset '" + name + "'", null);
            }
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(body.getBytes());
        try {
            return decoder.decode(bytes).toString();
        } catch (MalformedInputException e) {
            throw new ApiException(ErrorKind.INVALID_REQUEST, "the body is not " + charset.name() + " text (byte "
                    + bytes.position() + ")", "");
        } catch (CharacterCodingException e) {
            throw new ApiException(ErrorKind.INVALID_REQUEST, "the body is not " + charset.name() + " text", "");
        }
    }
}
