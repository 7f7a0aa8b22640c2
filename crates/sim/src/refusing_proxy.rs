//! A proxy that refuses every login, for tests (feature `test-support`): it answers every
//! request and every `CONNECT` with `407 Proxy Authentication Required`, as a company proxy
//! does for a missing or wrong login, and keeps the request lines it was sent.

use std::io;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

const REFUSAL: &[u8] = b"HTTP/1.1 407 Proxy Authentication Required\r\n\
    Proxy-Authenticate: Basic realm=\"x\"\r\nContent-Length: 0\r\n\r\n";
/// Longest request head read; a test's requests are far shorter.
const MAX_HEAD: usize = 64 * 1024;

/// A running refusing proxy on loopback; stops when dropped.
pub struct RefusingProxy {
    addr: SocketAddr,
    request_lines: Arc<Mutex<Vec<String>>>,
    task: JoinHandle<()>,
}

impl RefusingProxy {
    pub async fn start() -> io::Result<RefusingProxy> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let request_lines = Arc::new(Mutex::new(Vec::new()));
        let seen = request_lines.clone();
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(refuse(stream, seen.clone()));
            }
        });
        Ok(RefusingProxy {
            addr,
            request_lines,
            task,
        })
    }

    /// `http://127.0.0.1:<port>`, as an account's proxy setting or `HTTP_PROXY`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The first line of every request it refused (`GET http://… HTTP/1.1`, `CONNECT …`).
    pub fn request_lines(&self) -> Vec<String> {
        self.request_lines.lock().expect("request lines").clone()
    }
}

impl Drop for RefusingProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Reads one request head, answers 407 and closes the connection.
async fn refuse(mut stream: TcpStream, seen: Arc<Mutex<Vec<String>>>) {
    let mut head = Vec::new();
    let mut chunk = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < MAX_HEAD {
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&chunk[..n]),
        }
    }
    let text = String::from_utf8_lossy(&head);
    let line = text.lines().next().unwrap_or_default().to_owned();
    seen.lock().expect("request lines").push(line);
    let _ = stream.write_all(REFUSAL).await;
    let _ = stream.shutdown().await;
}
