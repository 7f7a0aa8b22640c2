//! Answers are read with a cap: a server that announces or streams more than nctray reads for
//! that kind of answer gets a clear error, and reading stops there, so memory stays bounded.

use std::time::Duration;

use nextcloud::{Client, Credentials, Error};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::TcpListener,
    task::JoinHandle,
};

const MIB: usize = 1024 * 1024;
/// What a server may have written before the client hung up: the cap plus what the kernel's
/// socket buffers hold. Far below what the server would send (forever, or 2 GiB).
const BOUNDED: usize = 64 * MIB;

/// A server for one request that answers with `head` and then streams `body_bytes` bytes
/// (`None`: endlessly) until the client hangs up. Its task ends with the number of bytes it
/// managed to write.
async fn streaming_server(head: String, body_bytes: Option<usize>) -> (String, JoinHandle<usize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let task = tokio::spawn(async move {
        let (mut stream, _) = listener.accept().await.unwrap();
        let mut request = Vec::new();
        let mut buffer = [0u8; 4096];
        while !request.windows(4).any(|w| w == b"\r\n\r\n") {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => return 0,
                Ok(n) => request.extend_from_slice(&buffer[..n]),
            }
        }
        if stream.write_all(head.as_bytes()).await.is_err() {
            return 0;
        }
        let chunk = vec![b' '; 64 * 1024];
        let mut written = 0;
        while body_bytes.is_none_or(|total| written < total) {
            let n = body_bytes.map_or(chunk.len(), |total| chunk.len().min(total - written));
            if stream.write_all(&chunk[..n]).await.is_err() {
                break;
            }
            written += n;
        }
        let _ = stream.shutdown().await;
        written
    });
    (url, task)
}

fn client(server: &str) -> Client {
    Client::new(Credentials {
        server: server.parse().unwrap(),
        login_name: "admin".into(),
        app_password: "admin-app-password".into(),
    })
    .unwrap()
}

/// The bytes the server wrote, once the client has hung up (which it must do by itself).
async fn written(task: JoinHandle<usize>) -> usize {
    tokio::time::timeout(Duration::from_secs(60), task)
        .await
        .expect("the client kept reading")
        .unwrap()
}

#[tokio::test]
async fn an_endless_answer_without_length_stops_at_8_mib_with_a_clear_error() {
    let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n";
    let (url, server) = streaming_server(head.into(), None).await;
    let err = client(&url).current_user().await.unwrap_err();
    assert_eq!(err, Error::TooLarge { limit_mib: 8 });
    assert_eq!(err.kind(), "too_large");
    assert!(
        err.to_string().contains("answer is larger than 8 MiB"),
        "{err}"
    );
    let written = written(server).await;
    assert!(written >= 8 * MIB, "the cap was reached: {written}");
    assert!(written < BOUNDED, "the client read on: {written} bytes");
}

#[tokio::test]
async fn an_announced_2_gib_answer_is_refused_before_reading_it() {
    let two_gib: usize = 2 * 1024 * MIB;
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {two_gib}\r\n\r\n"
    );
    let (url, server) = streaming_server(head, Some(two_gib)).await;
    let err = client(&url).notifications().list(None).await.unwrap_err();
    assert_eq!(err, Error::TooLarge { limit_mib: 8 });
    let written = written(server).await;
    assert!(written < BOUNDED, "the client read on: {written} bytes");
}

#[tokio::test]
async fn images_may_be_larger_than_ocs_answers_but_not_endless() {
    let png = |length: usize| {
        format!("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: {length}\r\n\r\n")
    };
    // 9 MiB: too much for an OCS answer, fine for a preview.
    let (url, server) = streaming_server(png(9 * MIB), Some(9 * MIB)).await;
    let image = client(&url).images().avatar("admin", 512).await.unwrap();
    assert_eq!(image.bytes.len(), 9 * MIB);
    assert_eq!(written(server).await, 9 * MIB);

    let head = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nConnection: close\r\n\r\n";
    let (url, server) = streaming_server(head.into(), None).await;
    let err = client(&url)
        .images()
        .fetch("/core/img/logo.png")
        .await
        .unwrap_err();
    assert_eq!(err, Error::TooLarge { limit_mib: 20 });
    let written = written(server).await;
    assert!((20 * MIB..BOUNDED).contains(&written), "{written} bytes");
}
