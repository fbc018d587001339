"""One test per real model path: the bundled models load offline and behave like embedding models."""

from __future__ import annotations

import numpy as np
import pytest

from qa.index.embed import EncoderError, SentenceTransformerEncoder, load_encoder, minilm_path

pytestmark = pytest.mark.real_model


def test_minilm_through_the_sentence_transformers_local_path_loader():
    enc = SentenceTransformerEncoder(str(minilm_path()), views=("en",))
    assert enc.name.startswith("st:") and enc.dim == 384
    v = enc.encode(["loan guarantee for small firms", "guarantee institutions for SME loans", "land use planning"])
    assert v.shape == (3, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1, atol=1e-5)
    assert v[0] @ v[1] > v[0] @ v[2]


def test_bundled_minilm_spec():
    enc = load_encoder("minilm")
    assert enc.name == "bundled:all-MiniLM-L6-v2" and enc.views == ("en",)


def test_multilingual_use_is_cross_lingual():
    enc = load_encoder("use")
    v = enc.encode(["loan guarantee", "贷款担保", "土地用途"])
    assert v.shape == (3, 512)
    assert v[0] @ v[1] > v[0] @ v[2]


def test_missing_hub_model_fails_offline_with_the_fix():
    with pytest.raises(EncoderError, match="local model folder"):
        load_encoder("some-org/model-that-is-not-on-this-machine")


def test_default_assistant_with_real_models(real_assistant):
    bot = real_assistant
    assert [e.name for e in bot.encoders] == ["bundled:all-MiniLM-L6-v2", "bundled:use-multilingual-v3"]
    from tests.conftest import plan_only

    assert bot.ask("研发投入能税前抵扣吗？", selection=plan_only()).citations[0].clause_id == "suifuban-2007-42/measure-13"
    answer = bot.ask("can I get a loan guarantee?", selection=plan_only())
    assert answer.citations[0].clause_id == "suifuban-2007-42/measure-1" and answer.lang == "en"
    assert bot.ask("上海的小微企业贷款贴息政策是怎样的？").abstained
    payment = bot.ask("大企业拖欠中小企业货款，最长多少天必须付？")
    assert payment.citations[0].clause_id == "sme-payment-regulation-2025/article-9" and "60日" in payment.answer
