package io.chainhub.platform.sample;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import io.chainhub.platform.address.Addresses;
import io.chainhub.platform.address.EvmAddress;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A tiny API exercising each convention of the platform. */
@RestController
class SampleController {

    enum Kind { WEBHOOK, EMAIL }

    record Sample(long id, String name) {
    }

    record NewSample(@NotBlank String name, @NotNull @EvmAddress String owner, @NotNull @Positive Long amount,
            Kind kind) {
    }

    @GetMapping("/api/samples")
    List<Sample> list(@RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit) {
        return List.of(new Sample(1, "first"));
    }

    @GetMapping("/api/samples/{id}")
    Sample get(@PathVariable long id) {
        return new Sample(id, "sample");
    }

    @GetMapping("/api/samples/search")
    List<Sample> search(@RequestParam String name) {
        return List.of(new Sample(1, name));
    }

    @PostMapping("/api/samples")
    @PreAuthorize("hasRole('operator')")
    @ResponseStatus(HttpStatus.CREATED)
    Sample create(@Valid @RequestBody NewSample sample) {
        return new Sample(2, sample.name());
    }

    @PostMapping("/api/samples/{id}/approval")
    @PreAuthorize("hasRole('approver')")
    Sample approve(@PathVariable long id) {
        return new Sample(id, "approved");
    }

    @DeleteMapping("/api/samples/{id}")
    @PreAuthorize("hasRole('admin')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
    }

    @GetMapping("/api/samples/broken")
    Sample broken() {
        throw new IllegalStateException("secret internal state");
    }

    @GetMapping("/api/owners/{address}")
    String owner(@PathVariable String address) {
        return Addresses.normalize(address);
    }

    @ResponseStatus(value = HttpStatus.CONFLICT, reason = "Sample already approved.")
    static class AlreadyApproved extends RuntimeException {
    }

    @PostMapping("/api/samples/{id}/conflict")
    Sample conflict(@PathVariable long id) {
        throw new AlreadyApproved();
    }

    @GetMapping("/dashboard/ping")
    String dashboard() {
        return "pong";
    }
}
