package org.gradebench.sandbox.docker;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link ImageBuilder} puts into each local image (host paths; a {@code *} in the last component is a glob),
 * and which official image an online user would pull instead. Shared libraries of every ELF file included are added
 * automatically (via ldd), as are symlink targets, so the lists name only the toolchain itself. An entry starting
 * with {@code !} excludes a host path (and everything below it).
 * <p>
 * Convention shared with the profile files (sandbox-profiles/*.yaml, {@code docker.image}):
 * {@code gradebench/<profile-name>:local}.
 */
public final class ImageRecipes {

    /** The image tag a profile's local image gets. */
    public static String localImage(String profile) {
        return "gradebench/" + profile + ":local";
    }

    /** What every image holds: the shell and tools of {@link ExecPrelude}, the dynamic loader, the merged-/usr links. */
    public static final List<String> BASE = List.of(
            "/bin", "/lib", "/lib64", "/sbin",
            "/usr/bin/sh", "/usr/bin/dash", "/usr/bin/rm", "/usr/bin/chmod", "/usr/bin/mv", "/usr/bin/cat",
            "/usr/bin/ls", "/usr/bin/env", "/usr/bin/true", "/usr/bin/false", "/usr/bin/sleep", "/usr/bin/mkdir",
            "/usr/bin/touch", "/usr/bin/id", "/usr/bin/cp", "/usr/bin/head", "/usr/bin/wc", "/usr/bin/test",
            "/usr/lib64/ld-linux-x86-64.so.2", "/etc/ld.so.cache");

    private static final List<String> GCC = List.of(
            "/usr/bin/gcc", "/usr/bin/gcc-*", "/usr/bin/x86_64-linux-gnu-gcc*", "/usr/bin/cc", "/usr/bin/cpp",
            "/usr/bin/cpp-*", "/usr/bin/x86_64-linux-gnu-cpp*",
            "/usr/bin/as", "/usr/bin/ld", "/usr/bin/ld.bfd", "/usr/bin/x86_64-linux-gnu-as",
            "/usr/bin/x86_64-linux-gnu-ld", "/usr/bin/x86_64-linux-gnu-ld.bfd",
            "/usr/lib/gcc/x86_64-linux-gnu", "/usr/libexec/gcc/x86_64-linux-gnu",
            "/usr/include", "!/usr/include/node", "!/usr/include/llvm-14", "!/usr/include/llvm-c-14",
            "!/usr/include/postgresql",
            "/usr/lib/x86_64-linux-gnu/*crt*.o", "/usr/lib/x86_64-linux-gnu/libc.so",
            "/usr/lib/x86_64-linux-gnu/libc.a", "/usr/lib/x86_64-linux-gnu/libc_nonshared.a",
            "/usr/lib/x86_64-linux-gnu/libm.so", "/usr/lib/x86_64-linux-gnu/libm.a", "/usr/lib/x86_64-linux-gnu/libm-*.a",
            "/usr/lib/x86_64-linux-gnu/libmvec.so", "/usr/lib/x86_64-linux-gnu/libmvec.a",
            "/usr/lib/x86_64-linux-gnu/libpthread.a", "/usr/lib/x86_64-linux-gnu/libdl.a",
            "/usr/lib/x86_64-linux-gnu/librt.a", "/usr/lib/x86_64-linux-gnu/libgcc_s.so.1");

    private static final Map<String, List<String>> TOOLCHAINS = Map.of(
            "python3", List.of("/usr/bin/python3", "/usr/bin/python3.*", "/usr/lib/python3.*"),
            "c", GCC,
            "cpp", concat(GCC, List.of("/usr/bin/g++", "/usr/bin/g++-*", "/usr/bin/x86_64-linux-gnu-g++*",
                    "/usr/bin/c++", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6*")),
            "java", List.of("/usr/bin/java", "/usr/bin/javac", "/usr/lib/jvm/java-17-openjdk-amd64",
                    "/usr/lib/jvm/java-1.17.0-openjdk-amd64", "/etc/java-17-openjdk"),
            "javascript", List.of("/usr/bin/node", "/usr/bin/nodejs"),
            // Debian golang-go and rustc (not installed on every machine; build() says so when missing)
            "go", List.of("/usr/bin/go", "/usr/bin/gofmt", "/usr/lib/go", "/usr/lib/go-*", "/usr/share/go-*"),
            "rust", concat(GCC, List.of("/usr/bin/rustc", "/usr/lib/rustlib",
                    "/usr/lib/x86_64-linux-gnu/librustc_driver-*.so", "/usr/lib/x86_64-linux-gnu/libstd-*.so")));

    private static final Map<String, String> OFFICIAL = Map.of(
            "python3", "python:3.12-slim",
            "c", "gcc:14",
            "cpp", "gcc:14",
            "java", "eclipse-temurin:17",
            "javascript", "node:20-slim",
            "go", "golang:1.22",
            "rust", "rust:1-slim");

    private ImageRecipes() {
    }

    /** The file whose absence means the profile's toolchain is not installed on this host. */
    public static Optional<String> toolchainBinary(String profile) {
        List<String> tc = TOOLCHAINS.get(profile);
        if (tc == null) return Optional.empty();
        return profile.equals("rust") ? Optional.of("/usr/bin/rustc") : Optional.of(tc.get(0));
    }

    /** Host paths for a profile's local image, BASE included; empty for an unknown profile. */
    public static Optional<List<String>> recipe(String profile) {
        List<String> tc = TOOLCHAINS.get(profile);
        return tc == null ? Optional.empty() : Optional.of(concat(BASE, tc));
    }

    public static List<String> profiles() {
        return List.of("python3", "c", "cpp", "java", "javascript", "go", "rust");
    }

    /** The public image an online user can pull for a profile (then set the profile's docker.image to it). */
    public static String officialImage(String profile) {
        return OFFICIAL.getOrDefault(profile, "<an image with the toolchain>");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
