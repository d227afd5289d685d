package io.zsync.dashboard.security;

import io.zsync.dashboard.domain.PasswordHashes;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Prints the hash of a password for {@code DASHBOARD_USERS}: {@code java -cp ops-dashboard.jar
 * io.zsync.dashboard.security.HashPassword} reads the password from the terminal (or one line of standard input),
 * never from the command line, where it would land in the shell history and the process list.
 */
public final class HashPassword {

    private HashPassword() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        char[] password;
        Console console = System.console();
        if (console != null) {
            password = console.readPassword("password: ");
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? new char[0] : line.toCharArray();
        }
        if (password == null || password.length < 8) {
            out.println("a password needs at least 8 characters");
            System.exit(2);
        }
        out.println(PasswordHashes.hash(password));
    }
}
