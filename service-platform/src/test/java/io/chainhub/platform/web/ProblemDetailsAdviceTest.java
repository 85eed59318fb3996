package io.chainhub.platform.web;

import static io.chainhub.platform.sample.WithRoles.token;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@WebMvcTest(properties = "chainhub.security.verified-token-cache=false") // the decoder is a mock stubbed per test
class ProblemDetailsAdviceTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JwtAuthenticationConverter converter;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @Test
    void shouldListEachBadFieldWhenValidationFails() throws Exception {
        perform(post("/api/samples").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \" \", \"owner\": \"0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\", \"amount\": -1}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("name: must not be blank")))
                .andExpect(jsonPath("$.detail").value(containsString("owner: has an invalid EIP-55 checksum")))
                .andExpect(jsonPath("$.detail").value(containsString("amount: must be greater than 0")))
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[?(@.pointer == '#/name')].detail").value("must not be blank"))
                .andExpect(jsonPath("$.instance").value("/api/samples"));
    }

    @Test
    void shouldAnswer400WhenJsonMalformed() throws Exception {
        perform(post("/api/samples").contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("Malformed JSON at line 1")));
    }

    @Test
    void shouldNameFieldAndExpectedValuesWhenEnumUnknown() throws Exception {
        perform(post("/api/samples").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"n\", \"owner\": null, \"amount\": 1, \"kind\": \"SMS\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Invalid value at 'kind': expected one of [WEBHOOK, EMAIL]."));
    }

    @Test
    void shouldAnswer400WhenBodyMissing() throws Exception {
        perform(post("/api/samples").contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Request body is missing."));
    }

    @Test
    void shouldAnswer400WhenPathVariableHasWrongType() throws Exception {
        perform(get("/api/samples/abc"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Parameter 'id' must be an integer, got 'abc'."));
    }

    @Test
    void shouldAnswer400WhenRequiredParameterMissing() throws Exception {
        perform(get("/api/samples/search"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("'name'")));
    }

    @Test
    void shouldAnswer400WhenParameterOutOfRange() throws Exception {
        perform(get("/api/samples").param("limit", "1000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].parameter").value("limit"))
                .andExpect(jsonPath("$.detail").value("Validation failed: limit: must be less than or equal to 100."));
    }

    @Test
    void shouldAnswer404ProblemWhenPathUnknown() throws Exception {
        perform(get("/api/nothing-here"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("No endpoint GET /api/nothing-here."));
    }

    @Test
    void shouldAnswer405ProblemWhenMethodNotAllowed() throws Exception {
        perform(patch("/api/samples/1"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("PATCH")));
    }

    @Test
    void shouldHideInternalsWhenUnexpectedError() throws Exception {
        perform(get("/api/samples/broken"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("An unexpected error occurred; it has been logged."))
                .andExpect(content().string(not(containsString("secret"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))));
    }

    @Test
    void shouldAnswer400WhenAddressInPathInvalid() throws Exception {
        perform(get("/api/owners/0x1234"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("must be 0x followed by 40 hexadecimal digits")));
    }

    @Test
    void shouldKeepStatusWhenExceptionAnnotatedWithResponseStatus() throws Exception {
        perform(post("/api/samples/1/conflict"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Sample already approved."));
    }

    private ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(token(converter, "admin")));
    }
}
