//! A tiny HTTP server for tests: answers every request with what a closure returns and records
//! each request exactly as it arrived (headers, body). One request per connection.

#![allow(dead_code)] // each test file uses a different part

use std::{
    collections::BTreeMap,
    sync::{Arc, Mutex},
};

use base64::Engine as _;
use nextcloud::{Client, Credentials};
use serde_json::Value;
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::{TcpListener, TcpStream},
    task::JoinHandle,
};

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    /// Path and query, as sent.
    pub target: String,
    /// Header names lower-cased, values byte for byte (lossy UTF-8).
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn path(&self) -> &str {
        self.target.split('?').next().unwrap_or_default()
    }

    /// The urlencoded form body as name → values (repeated names keep every value).
    pub fn form(&self) -> BTreeMap<String, Vec<String>> {
        let mut form = BTreeMap::<String, Vec<String>>::new();
        for (name, value) in url::form_urlencoded::parse(&self.body) {
            form.entry(name.into_owned())
                .or_default()
                .push(value.into_owned());
        }
        form
    }
}

/// What to answer.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Written instead of a well-formed answer when set (for broken connections).
    pub raw: Option<Vec<u8>>,
}

impl Answer {
    pub fn new(status: u16, body: impl Into<Vec<u8>>) -> Answer {
        Answer {
            status,
            headers: Vec::new(),
            body: body.into(),
            raw: None,
        }
    }

    pub fn json(status: u16, body: &Value) -> Answer {
        Answer::new(status, body.to_string()).header("Content-Type", "application/json")
    }

    pub fn header(mut self, name: &str, value: &str) -> Answer {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    pub fn raw(bytes: impl Into<Vec<u8>>) -> Answer {
        Answer {
            raw: Some(bytes.into()),
            ..Answer::new(200, "")
        }
    }

    /// The response recorded in a fixture file: status, headers, body.
    pub fn from_fixture(fixture: &Value) -> Answer {
        let response = &fixture["response"];
        let body = match &response["body"] {
            Value::String(text) => text.clone(),
            other => other.to_string(),
        };
        let mut answer = Answer::new(response["status"].as_u64().unwrap() as u16, body);
        for (name, value) in response["headers"].as_object().into_iter().flatten() {
            answer = answer.header(name, value.as_str().unwrap());
        }
        answer
    }
}

type Responder = dyn Fn(&Recorded) -> Answer + Send + Sync;

pub struct Canned {
    pub port: u16,
    requests: Arc<Mutex<Vec<Recorded>>>,
    responder: Arc<Mutex<Arc<Responder>>>,
    task: JoinHandle<()>,
}

impl Drop for Canned {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Canned {
    /// Answers every request with `answer`.
    pub async fn fixed(answer: Answer) -> Canned {
        Canned::start(move |_| answer.clone()).await
    }

    pub async fn start(responder: impl Fn(&Recorded) -> Answer + Send + Sync + 'static) -> Canned {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let responder: Arc<Mutex<Arc<Responder>>> = Arc::new(Mutex::new(Arc::new(responder)));
        let task = tokio::spawn({
            let requests = requests.clone();
            let responder = responder.clone();
            async move {
                while let Ok((stream, _)) = listener.accept().await {
                    let requests = requests.clone();
                    let responder = responder.lock().unwrap().clone();
                    tokio::spawn(serve(stream, requests, responder));
                }
            }
        });
        Canned {
            port,
            requests,
            responder,
            task,
        }
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn set_answer(&self, answer: Answer) {
        *self.responder.lock().unwrap() = Arc::new(move |_| answer.clone());
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.requests.lock().unwrap().clone()
    }

    pub fn take_requests(&self) -> Vec<Recorded> {
        std::mem::take(&mut *self.requests.lock().unwrap())
    }

    /// A client for `login` with `<login>-app-password`.
    pub fn client(&self, login: &str) -> Client {
        client_for(&self.url(), login)
    }
}

pub fn client_for(server: &str, login: &str) -> Client {
    Client::new(Credentials {
        server: server.parse().unwrap(),
        login_name: login.into(),
        app_password: format!("{login}-app-password"),
    })
    .unwrap()
}

/// The `Authorization` value for `login` with `<login>-app-password`.
pub fn basic(login: &str) -> String {
    let token =
        base64::engine::general_purpose::STANDARD.encode(format!("{login}:{login}-app-password"));
    format!("Basic {token}")
}

async fn serve(
    mut stream: TcpStream,
    requests: Arc<Mutex<Vec<Recorded>>>,
    responder: Arc<Responder>,
) {
    let Some(request) = read_request(&mut stream).await else {
        return;
    };
    requests.lock().unwrap().push(request.clone());
    let answer = responder(&request);
    let bytes = match answer.raw {
        Some(raw) => raw,
        None => {
            let mut head = format!("HTTP/1.1 {} Canned\r\n", answer.status);
            for (name, value) in &answer.headers {
                head.push_str(&format!("{name}: {value}\r\n"));
            }
            head.push_str(&format!(
                "Content-Length: {}\r\nConnection: close\r\n\r\n",
                answer.body.len()
            ));
            let mut bytes = head.into_bytes();
            bytes.extend_from_slice(&answer.body);
            bytes
        }
    };
    let _ = stream.write_all(&bytes).await;
    let _ = stream.shutdown().await;
}

async fn read_request(stream: &mut TcpStream) -> Option<Recorded> {
    let mut buffer = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(at) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break at;
        }
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buffer.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buffer[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut start = lines.next()?.split(' ');
    let method = start.next()?.to_owned();
    let target = start.next()?.to_owned();
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(name, _)| name == "content-length")
        .and_then(|(_, value)| value.parse().ok())
        .unwrap_or(0);
    let mut body = buffer[head_end + 4..].to_vec();
    while body.len() < length {
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            break;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    Some(Recorded {
        method,
        target,
        headers,
        body,
    })
}

/// A fixture file from `tests/fixtures/nextcloud-32`.
pub fn fixture(name: &str) -> Value {
    let path = format!(
        "{}/../../tests/fixtures/nextcloud-32/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// Fixture file names with any of `parts` in them, sorted.
pub fn fixture_names(parts: &[&str]) -> Vec<String> {
    let dir = format!(
        "{}/../../tests/fixtures/nextcloud-32",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".json") && parts.iter().any(|p| n.contains(p)))
        .collect();
    names.sort();
    names
}
